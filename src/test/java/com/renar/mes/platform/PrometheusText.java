package com.renar.mes.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A small stand-in for {@code promtool check metrics} (not installed on the build machines): every line of a
 * Prometheus text exposition must be a comment ({@code # HELP}, {@code # TYPE}) or a sample {@code
 * name{label="value",...} value [timestamp]}.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL_VALUE = "\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=" + LABEL_VALUE;
    private static final String LABELS = "\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?\\}";
    private static final String NUMBER =
            "(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)" + "|[+-]?Inf|NaN)";
    private static final Pattern SAMPLE = Pattern.compile(NAME + "(?:" + LABELS + ")? " + NUMBER + "(?: -?\\d+)?");
    private static final Pattern HELP = Pattern.compile("# HELP " + NAME + " .*");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE " + NAME + " (?:counter|gauge|histogram|summary|untyped)");

    private PrometheusText() {}

    /** The lines that are neither a comment nor a well-formed sample (empty when the text is valid). */
    static List<String> invalidLines(String exposition) {
        return exposition
                .lines()
                .filter(line -> !line.isEmpty())
                .filter(line -> !(line.startsWith("#")
                        ? HELP.matcher(line).matches() || TYPE.matcher(line).matches()
                        : SAMPLE.matcher(line).matches()))
                .toList();
    }
}
