package io.gifstream.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The JSON answers of {@code /status} and {@code /channels}: written once into bytes, sent uncached. */
final class JsonAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {
    }

    static byte[] bytes(Object document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a document that Jackson cannot write: " + document.getClass(), e);
        }
    }

    static void send(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
