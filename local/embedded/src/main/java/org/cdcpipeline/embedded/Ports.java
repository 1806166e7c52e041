package org.cdcpipeline.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Every server of the local pipeline listens on the loopback address only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * Fails with a message naming the component, the port and the way to choose another one
     * when something already listens on the port.
     *
     * @param howToChange for example "--kafka-port or CDC_KAFKA_PORT"
     */
    public static void requireFree(String component, int port, String howToChange) {
        if (!isFree(port)) {
            throw new StartupException("Port " + port + " for " + component + " is already in use on " + LOOPBACK
                    + ". Stop whatever listens there (see: ss -ltnp 'sport = :" + port + "'), or choose another port with "
                    + howToChange + ".");
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the operating system considers free right now, for tests that must not collide. */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + LOOPBACK, e);
        }
    }
}
