package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Checks that an error answer tells the client what went wrong and nothing about how the server is built. */
final class ProblemBodies {

    /** Stack frames, exception class names, SQL and the database's own messages. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|\\.java:\\d|java\\.|org\\.springframework|com\\.renar|tools\\.jackson"
                    + "|\\bSQL|\\bselect\\b|\\binsert into\\b|\\bviolates\\b|duplicate key|constraint|PSQL"
                    + "|Hikari|postgres",
            Pattern.CASE_INSENSITIVE);

    private ProblemBodies() {}

    static void assertRevealsNothingInternal(MvcTestResult result) {
        String body = body(result);
        assertThat(body).as("problem body").isNotBlank();
        assertThat(INTERNALS.matcher(body).find())
                .as("problem body reveals internals: %s", body)
                .isFalse();
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
