package org.cdcpipeline.embedded.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.sun.security.auth.module.UnixSystem;
import org.cdcpipeline.embedded.StartupException;

/**
 * The operating-system account PostgreSQL runs as. PostgreSQL refuses to run as root, so when this JVM is root
 * (as in containers and CI) its tools run through {@code runuser} as the {@code postgres} account, or
 * {@code nobody} where there is none, and PostgreSQL's files are owned by that account.
 */
final class ServerAccount {

    private final String runAs;

    private ServerAccount(String runAs) {
        this.runAs = runAs;
    }

    static ServerAccount current() {
        if (new UnixSystem().getUid() != 0) {
            return new ServerAccount(null);
        }
        return new ServerAccount(exists("postgres") ? "postgres" : "nobody");
    }

    List<String> command(List<String> command) {
        if (runAs == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", runAs, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory tree PostgreSQL must write to over to the account it runs as. */
    void own(Path root) {
        if (runAs == null) {
            return;
        }
        try {
            FileTrees.changeOwner(root, principal(runAs));
        } catch (IOException e) {
            throw new StartupException("Could not give " + root + " to the '" + runAs + "' account PostgreSQL runs as: " + e.getMessage(), e);
        }
    }

    /**
     * Where PostgreSQL keeps its files for a state directory: inside it, unless the account PostgreSQL runs as
     * cannot reach the state directory's parent (a state directory under {@code /root}, say); then in a directory of
     * {@code /var/tmp} named after the state directory, so each state directory still has its own server.
     */
    Path homeFor(Path stateDirectory) {
        Path state = stateDirectory.toAbsolutePath().normalize();
        if (runAs == null || state.getParent() == null || reachableByOthers(state.getParent())) {
            return state.resolve("postgres");
        }
        return Path.of("/var/tmp", "cdc-pipeline-postgres-" + shortHash(state.resolve("postgres").toString()));
    }

    /**
     * Lets the account PostgreSQL runs as pass through the state directory (search permission only, no listing):
     * temporary directories, such as the ones tests use, are created readable by their owner alone.
     */
    void allowTraversal(Path stateDirectory) throws IOException {
        if (runAs != null && Files.isDirectory(stateDirectory)) {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(stateDirectory));
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(stateDirectory, permissions);
            }
        }
    }

    private static boolean reachableByOthers(Path directory) {
        for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
            try {
                if (Files.exists(ancestor) && !Files.getPosixFilePermissions(ancestor).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(String account) {
        try {
            principal(account);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static UserPrincipal principal(String account) throws IOException {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
    }
}
