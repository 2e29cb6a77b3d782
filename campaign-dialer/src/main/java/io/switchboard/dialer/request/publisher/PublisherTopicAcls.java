package io.switchboard.dialer.request.publisher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.switchboard.dialer.request.publisher.CallRequestPublishers.Publisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Whether the broker's ACLs make each publisher's topic its principal's alone. The account check on
 * a request is only as good as this: if anyone else may write to a publisher's topic, anyone may ask
 * for that publisher's accounts. Read with the dialer's own credentials, which need DESCRIBE on the
 * cluster. The broker's super users are not visible as ACLs and may always write.
 */
public final class PublisherTopicAcls {

    private static final Set<AclOperation> WRITING = Set.of(AclOperation.WRITE, AclOperation.ALL);

    private PublisherTopicAcls() {}

    /** What is wrong, one line each; empty when every topic is writable by its publisher alone. */
    public static List<String> problems(Admin admin, Collection<Publisher> publishers, long timeoutMillis) {
        var problems = new ArrayList<String>();
        for (Publisher publisher : publishers) {
            Collection<AclBinding> bindings;
            try {
                bindings = admin.describeAcls(new AclBindingFilter(
                                new ResourcePatternFilter(ResourceType.TOPIC, publisher.topic(), PatternType.MATCH),
                                AccessControlEntryFilter.ANY))
                        .values()
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SecurityDisabledException) {
                    return List.of("the broker has no authorizer, so any client may write to any publisher's topic");
                }
                throw new IllegalStateException("Could not read the broker's ACLs: " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("The broker did not list its ACLs within " + timeoutMillis + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            problems.addAll(problemsOf(publisher, bindings));
        }
        return problems;
    }

    static List<String> problemsOf(Publisher publisher, Collection<AclBinding> bindings) {
        var problems = new ArrayList<String>();
        boolean publisherMayWrite = false;
        for (AclBinding binding : bindings) {
            var entry = binding.entry();
            if (entry.permissionType() != AclPermissionType.ALLOW || !WRITING.contains(entry.operation())) {
                continue;
            }
            if (entry.principal().equals(publisher.principal())) {
                publisherMayWrite = true;
            } else {
                problems.add("publisher %s's topic %s is writable by %s too (%s ACL on %s %s)"
                        .formatted(
                                publisher.name(),
                                publisher.topic(),
                                entry.principal(),
                                entry.operation(),
                                binding.pattern().patternType(),
                                binding.pattern().name()));
            }
        }
        if (!publisherMayWrite && problems.isEmpty()) {
            // Not a hole, but the publisher's requests can never arrive: worth failing loudly at start-up.
            problems.add("publisher %s (%s) may not write to its topic %s: grant it WRITE"
                    .formatted(publisher.name(), publisher.principal(), publisher.topic()));
        }
        return problems;
    }
}
