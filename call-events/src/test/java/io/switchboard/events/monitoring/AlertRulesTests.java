package io.switchboard.events.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The shipped alert rules are well-formed and page only on metrics the services publish. */
class AlertRulesTests {

    private static final Path RULES = Path.of("..", "monitoring", "prometheus-rules.yml");
    /** In Prometheus form, as the services' registries publish them. */
    private static final Set<String> PUBLISHED = Set.of(
            "switchboard_consumer_stall_seconds",
            "switchboard_consumer_stalled_partitions",
            "switchboard_dlt_records_total",
            "switchboard_dlt_unhandled_records",
            "switchboard_dlt_aged_records",
            "switchboard_replay_skipped_total",
            "switchboard_events_refused_total");

    private static final Pattern METRIC = Pattern.compile("\\bswitchboard_[a-z_]+\\b");

    @Test
    @SuppressWarnings("unchecked")
    void whenRulesReadThenEveryAlertHasExprSeverityRunbookAndKnownMetrics() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) document.get("groups");

        List<Map<String, Object>> rules = groups.stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
                .toList();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(4);
        for (Map<String, Object> rule : rules) {
            assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
            assertThat((Map<String, Object>) rule.get("labels")).containsKey("severity");
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).containsKeys("summary", "runbook");
            Matcher metrics = METRIC.matcher((String) rule.get("expr"));
            assertThat(metrics.find())
                    .as("%s names a metric", rule.get("alert"))
                    .isTrue();
            do {
                assertThat(PUBLISHED).as("metric of %s", rule.get("alert")).contains(metrics.group());
            } while (metrics.find());
        }
    }
}
