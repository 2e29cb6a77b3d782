package io.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the ingress spent its CPU during a recorded run, from JFR's execution samples: by thread,
 * by stage of a webhook's handling (a sample counts for every stage on its stack), by the code the
 * sampled method belongs to, and the hottest methods; plus GC time and the allocation rate.
 */
final class ProfileSummary {

    /** Stages of a status callback, each recognised by a method on the stack. */
    private static final Map<String, Predicate<String>> STAGES = stages();

    private static final Map<String, String> CODE = Map.ofEntries(
            Map.entry("io.switchboard.", "Switchboard"),
            Map.entry("io.netty.", "Netty"),
            Map.entry("reactor.", "Reactor"),
            Map.entry("org.springframework.", "Spring"),
            Map.entry("org.apache.kafka.", "Kafka client"),
            Map.entry("org.bouncycastle.", "BouncyCastle"),
            Map.entry("tools.jackson.", "Jackson"),
            Map.entry("io.cloudevents.", "CloudEvents SDK"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("java.", "JDK"),
            Map.entry("javax.", "JDK"),
            Map.entry("jdk.", "JDK"),
            Map.entry("sun.", "JDK"),
            Map.entry("com.sun.", "JDK"));

    private final Path file;

    ProfileSummary(Path file) {
        this.file = file;
    }

    private static Map<String, Predicate<String>> stages() {
        var stages = new LinkedHashMap<String, Predicate<String>>();
        stages.put(
                "reading the request (body join, form parsing)",
                m -> m.contains("WebhookRequestReader.body") || m.contains("FormBody.parse"));
        stages.put("Twilio signature check (HMAC-SHA1)", m -> m.contains("TwilioRequestSignature.matches"));
        stages.put("mapping to CallStatusReported (incl. event id)", m -> m.contains("TwilioEventMapper.callStatus"));
        stages.put("event JSON (Jackson)", m -> m.contains("EventJson.write"));
        stages.put("envelope signature (Ed25519, batch Merkle tree)", m -> m.contains("EventSigner.sign"));
        stages.put("KafkaProducer.send (serialize, partition, append)", m -> m.contains("KafkaProducer.doSend"));
        stages.put("producer I/O thread (Sender)", m -> m.contains("producer.internals.Sender.run"));
        stages.put(
                "building the event (BatchSigningPublisher.publish, on the event loop)",
                m -> m.contains("BatchSigningPublisher.publish"));
        stages.put(
                "signing and sending batches (BatchSigningPublisher.flush, signing thread)",
                m -> m.contains("BatchSigningPublisher.flush"));
        stages.put("metrics (Micrometer)", m -> m.startsWith("io.micrometer."));
        stages.put("logging", m -> m.startsWith("ch.qos.logback.") || m.startsWith("org.slf4j."));
        return stages;
    }

    String markdown() {
        var byThread = new HashMap<String, Long>();
        var byStage = new LinkedHashMap<String, Long>();
        var byCode = new HashMap<String, Long>();
        var byMethod = new HashMap<String, Long>();
        var allocatedBy = new HashMap<String, Long>();
        long samples = 0;
        long allocated = 0;
        long gcCount = 0;
        Duration gcTime = Duration.ZERO;
        Instant first = null;
        Instant last = null;
        try (var recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
                last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (event.getStackTrace() == null
                                || event.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        byThread.merge(
                                threadKind(event.getThread("sampledThread").getJavaName()), 1L, Long::sum);
                        List<RecordedFrame> frames = event.getStackTrace().getFrames();
                        String leaf = method(frames.getFirst());
                        byMethod.merge(leaf, 1L, Long::sum);
                        byCode.merge(code(leaf), 1L, Long::sum);
                        STAGES.forEach((stage, matches) -> {
                            if (frames.stream().map(ProfileSummary::method).anyMatch(matches)) {
                                byStage.merge(stage, 1L, Long::sum);
                            }
                        });
                    }
                    case "jdk.ObjectAllocationSample" -> {
                        long weight = event.getLong("weight");
                        allocated += weight;
                        allocatedBy.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    }
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        gcTime = gcTime.plus(event.getDuration("sumOfPauses"));
                    }
                    default -> {
                        // not summarised
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration span = first == null ? Duration.ZERO : Duration.between(first, last);
        double seconds = Math.max(span.toMillis() / 1000.0, 0.001);
        var out = new StringBuilder("\n### Ingress profile during saturation (JFR, `" + file.getFileName() + "`)\n\n");
        out.append("%,d execution samples over %.0f s; GC: %d collections, %d ms paused (%.1f%% of the time); "
                        .formatted(
                                samples,
                                seconds,
                                gcCount,
                                gcTime.toMillis(),
                                100 * gcTime.toMillis() / 1000.0 / seconds))
                .append("allocation ≈ %,.0f MB/s%n%n".formatted(allocated / 1e6 / seconds));
        out.append(section("Samples by thread", byThread, samples, 8));
        out.append(section(
                "Samples with this stage on the stack (a sample can count for several)",
                byStage,
                samples,
                STAGES.size()));
        out.append(section("Samples by the code of the sampled (leaf) method", byCode, samples, 12));
        out.append(section("Hottest methods (self)", byMethod, samples, 20));
        out.append(section("Allocation by class (sampled weight)", allocatedBy, allocated, 10));
        return out.toString();
    }

    private static String section(String title, Map<String, Long> counts, long total, int top) {
        var out = new StringBuilder("| " + title + " | share |\n| --- | ---: |\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.append("| `%s` | %.1f%% |%n".formatted(e.getKey(), 100.0 * e.getValue() / total)));
        return out.append('\n').toString();
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String code(String method) {
        return CODE.entrySet().stream()
                .filter(e -> method.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(() -> {
                    String[] parts = method.split("\\.");
                    return parts.length > 2 ? parts[0] + "." + parts[1] : method;
                });
    }

    /** Thread names without their numbers, so a pool's threads count together. */
    private static String threadKind(String name) {
        return name == null ? "(unnamed)" : name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
    }
}
