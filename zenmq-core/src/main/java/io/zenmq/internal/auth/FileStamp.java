// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What tells a changed file or directory apart for {@link ReloadOnChange}: modification time, size
 * and file key (which changes when a file is replaced by a rename). Stateless.
 */
final class FileStamp {
    private FileStamp() {
    }

    /**
     * Stamps one file.
     *
     * @param file the file
     * @return a value equal to an earlier one while the file is unchanged
     * @throws IOException if the file cannot be read
     */
    static String of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return attributes.lastModifiedTime() + " " + attributes.size() + " " + attributes.fileKey();
    }

    /**
     * Stamps a directory by the files in it, so that an added, removed or edited file shows.
     *
     * @param directory the directory
     * @return a value equal to an earlier one while no entry changed
     * @throws IOException if the directory cannot be listed
     */
    static List<String> ofDirectory(Path directory) throws IOException {
        List<String> stamps = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String stamp;
                try {
                    stamp = of(entry);
                } catch (IOException e) {
                    stamp = "unreadable";
                }
                stamps.add(entry.getFileName() + " " + stamp);
            }
        }
        Collections.sort(stamps);
        return stamps;
    }
}
