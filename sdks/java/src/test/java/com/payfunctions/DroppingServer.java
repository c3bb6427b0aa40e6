package com.payfunctions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A bare HTTP/1.1 server that reads the first request and drops the connection without a word, then
 * answers the next one: what a peer that crashed mid-request looks like to the client.
 */
final class DroppingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<String> requestHeads = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    DroppingServer(String answer) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(answer), "dropping-server");
        thread.setDaemon(true);
        thread.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api";
    }

    List<String> requestHeads() {
        synchronized (requestHeads) {
            return List.copyOf(requestHeads);
        }
    }

    /** The value of a header in a recorded request head. */
    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve(String answer) {
        try {
            for (int connection = 0; ; connection++) {
                try (Socket client = socket.accept()) {
                    String head = readRequest(client.getInputStream());
                    requestHeads.add(head);
                    if (connection == 0) {
                        continue;
                    }
                    byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // The test is over and closed the listening socket.
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        String length = header(text, "content-length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length));
        }
        return text;
    }
}
