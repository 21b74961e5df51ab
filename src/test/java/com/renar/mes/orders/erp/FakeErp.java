package com.renar.mes.orders.erp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in ERP: the JDK's HTTP server on 127.0.0.1 and a free port, with TCP_NODELAY, answering with whatever
 * the test decides and recording every request. Handlers run on their own threads, so one may block (on a latch)
 * to simulate a hung ERP.
 */
public final class FakeErp implements AutoCloseable {

    static {
        // read once by the JDK server when its first instance is created; without it Nagle + delayed ACK cost ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public record Request(String method, URI uri, Map<String, String> headers, String body) {

        public String path() {
            return uri.getPath();
        }

        /** A query parameter, or {@code null}. */
        public String query(String name) {
            String query = uri.getRawQuery();
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return pair.substring(equals + 1);
                }
            }
            return null;
        }

        /** A header, by case-insensitive name, or {@code null}. */
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public record Response(int status, String body, Map<String, String> headers) {

        public static Response json(int status, String body) {
            return new Response(status, body, Map.of("Content-Type", "application/json"));
        }

        public static Response status(int status) {
            return new Response(status, "", Map.of());
        }

        Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, body, more);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> behaviour = request -> Response.status(404);

    public FakeErp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL of the fake ERP API (with a path, as real ones have). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/mes";
    }

    /** Answers every request with the given function. */
    public void answer(Function<Request, Response> behaviour) {
        this.behaviour = behaviour;
    }

    /** Answers the n-th request with the n-th response, and all later ones with the last. */
    public void answerInTurn(Response... responses) {
        List<Response> script = List.of(responses);
        answer(request -> script.get(Math.min(requests.size(), script.size()) - 1));
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body);
            requests.add(request);
            Response response = behaviour.apply(request);
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
