package io.switchboard.calllog.request.persistence;

import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;

/**
 * The call requests collection, wrapped so that it is not a second {@code MongoCollection<Document>} bean beside
 * the calls collection (which the call log's repositories take by type).
 */
record CallRequestCollection(MongoCollection<Document> documents) {}
