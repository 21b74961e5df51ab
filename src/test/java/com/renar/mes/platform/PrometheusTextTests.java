package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    @Test
    void acceptsWellFormedExposition() {
        String text = """
                # HELP http_request_duration_seconds Duration of HTTP server request handling
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{method="GET",uri="/api/v1/items",le="0.001"} 0
                http_request_duration_seconds_bucket{method="GET",uri="/api/v1/items",le="+Inf"} 3
                http_request_duration_seconds_sum{method="GET",uri="/api/v1/items"} 0.0421
                jvm_memory_used_bytes{area="heap",id="G1 \\"Eden\\" Space"} 1.2582912E7
                process_uptime_seconds 12.5
                up 1 1700000000000
                """;
        assertThat(PrometheusText.invalidLines(text)).isEmpty();
    }

    @Test
    void reportsMalformedLines() {
        String text = """
                # TYPE ok gauge
                ok 1
                bad-name 1
                no_value{a="b"}
                unquoted{a=b} 1
                # something else
                two values 1 2 3
                """;
        assertThat(PrometheusText.invalidLines(text))
                .containsExactly(
                        "bad-name 1", "no_value{a=\"b\"}", "unquoted{a=b} 1", "# something else", "two values 1 2 3");
    }
}
