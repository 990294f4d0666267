// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The user documentation (README.md, CHANGELOG.md, docs/**) stays self-contained: every relative
 * link points at a file of the repository (and at a heading of it, for a {@code #fragment} into a
 * Markdown file), nothing points outside the repository, and no page cites the project's internal
 * issue numbers, which a reader of the docs cannot look up.
 */
class DocsLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}, target up to a space or the closing parenthesis. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target}. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|/work/|shared/design|shared/spec");
    private static final Pattern ISSUE = Pattern.compile("(?i)\\bissues?\\s+#?\\d+|(?<![\\w&#/`])#\\d+\\b");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    @Test
    void everyRelativeLinkPointsAtAFileOfTheRepository() {
        Path root = Docs.root();
        List<String> broken = new ArrayList<>();
        for (Path file : Docs.markdownFiles()) {
            List<String> lines = Docs.lines(file);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                for (String target : targets(line)) {
                    String problem = check(root, file, target);
                    if (problem != null) {
                        broken.add(root.relativize(file) + ":" + (i + 1) + ": " + target + " (" + problem + ")");
                    }
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void nothingPointsOutsideTheRepositoryOrAtInternalIssues() {
        Path root = Docs.root();
        List<String> found = new ArrayList<>();
        for (Path file : Docs.markdownFiles()) {
            List<String> lines = Docs.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (Pattern p : List.of(OUTSIDE, ISSUE)) {
                    Matcher m = p.matcher(line);
                    while (m.find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("paths outside the repository or internal issue numbers").isEmpty();
    }

    private static List<String> targets(String line) {
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(line);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher reference = REFERENCE_LINK.matcher(line);
        if (reference.find() && reference.group(1).matches(".*[./#].*")) {   // not "[1.5–2.0]: within"
            targets.add(reference.group(1));
        }
        return targets;
    }

    /** Returns what is wrong with a link target, or null. */
    private static String check(Path root, Path file, String target) {
        if (target.matches("(?i)(https?|mailto|ftp):.*")) {
            return null;
        }
        if (target.startsWith("/")) {
            return "absolute path";
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
            return "no such heading in " + root.relativize(resolved);
        }
        return null;
    }

    /** The anchors GitHub makes for a Markdown file's headings. */
    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        boolean fenced = false;
        for (String line : Docs.lines(markdown)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
            }
            Matcher m = HEADING.matcher(line);
            if (!fenced && m.matches()) {
                String slug = m.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                String anchor = slug;
                for (int n = 1; !anchors.add(anchor); n++) {
                    anchor = slug + "-" + n;
                }
            }
        }
        return anchors;
    }
}
