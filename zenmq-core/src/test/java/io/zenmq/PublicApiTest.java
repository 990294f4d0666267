// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the public API: the list of public signatures in {@code io.zenmq} must equal the
 * checked-in {@code api.txt} (a change to the API is then a visible change to that file), and no
 * public signature may name an {@code io.zenmq.internal} type. Regenerate the file with
 * {@code -Dzenmq.api.write=path/to/zenmq-core/src/test/resources/io/zenmq/api.txt}.
 */
class PublicApiTest {
    private static final String[] TYPES = {"Authenticator", "Context", "Context$Builder", "CurveCertificate",
        "CurveKeyPair", "ErrorCode", "EventType", "Msg", "Option", "Poller", "Poller$Item", "Proxy", "Reactor",
        "Reactor$Handler", "Socket", "SocketEvent", "SocketMonitor", "SocketOptions", "SocketType", "Timers",
        "Timers$Handler", "Timers$Timer", "Z85", "ZapDecision", "ZapHandler", "ZapRequest", "ZapRequest$Builder",
        "ZapRequest$Mechanism", "ZapService", "ZmqException"};

    @Test
    void shouldMatchTheCheckedInSignatures() throws IOException, ClassNotFoundException {
        String current = String.join("\n", signatures()) + "\n";
        String target = System.getProperty("zenmq.api.write");
        if (target != null) {
            Files.writeString(Path.of(target), current, StandardCharsets.UTF_8);
        }
        try (InputStream in = PublicApiTest.class.getResourceAsStream("api.txt")) {
            assertThat(in).as("api.txt next to this test").isNotNull();
            assertThat(current).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldNameNoInternalTypeInAPublicSignature() throws ClassNotFoundException {
        assertThat(signatures()).noneMatch(line -> line.contains("io.zenmq.internal"));
    }

    @Test
    void shouldListEveryPublicTopLevelTypeOfThePackage() throws IOException {
        List<String> listed = new ArrayList<>();
        for (String type : TYPES) {
            if (!type.contains("$")) {
                listed.add(type);
            }
        }
        Path sources = Path.of("src/main/java/io/zenmq");
        try (var files = Files.list(sources)) {
            List<String> declared = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length())).sorted()
                    .collect(Collectors.toList());
            assertThat(listed).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    private static List<String> signatures() throws ClassNotFoundException {
        List<String> lines = new ArrayList<>();
        for (String name : TYPES) {
            Class<?> type = Class.forName("io.zenmq." + name);
            lines.add(Modifier.toString(type.getModifiers()) + " " + kind(type) + " " + type.getName());
            TreeSet<String> members = new TreeSet<>();
            for (Field field : type.getDeclaredFields()) {
                if (isApi(field)) {
                    members.add("  field " + field.getGenericType().getTypeName() + " " + field.getName());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isApi(constructor)) {
                    members.add("  new" + parameters(constructor));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isApi(method) && !method.isSynthetic() && !method.isBridge()) {
                    members.add("  " + (Modifier.isStatic(method.getModifiers()) ? "static " : "")
                            + method.getGenericReturnType().getTypeName() + " " + method.getName() + parameters(method));
                }
            }
            lines.addAll(members);
        }
        return lines;
    }

    private static boolean isApi(Member member) {
        int modifiers = member.getModifiers();
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String parameters(Executable executable) {
        List<String> names = new ArrayList<>();
        for (Type parameter : executable.getGenericParameterTypes()) {
            names.add(parameter.getTypeName());
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        if (type.isRecord()) {
            return "record";
        }
        return "class";
    }
}
