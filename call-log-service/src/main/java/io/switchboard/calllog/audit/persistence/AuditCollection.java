package io.switchboard.calllog.audit.persistence;

import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;

/**
 * The audit collection, wrapped so that it is not a second {@code MongoCollection<Document>} bean beside
 * the calls collection (which the call log's repositories take by type).
 */
record AuditCollection(MongoCollection<Document> documents) {}
