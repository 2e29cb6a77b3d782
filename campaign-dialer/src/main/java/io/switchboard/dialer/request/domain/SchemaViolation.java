package io.switchboard.dialer.request.domain;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;

/** One JSON Schema error, named by the field at fault. */
record SchemaViolation(String field, String message) {

    static SchemaViolation of(Error error) {
        List<String> parts = new ArrayList<>();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            parts.add(location.getName(i));
        }
        // "required" and "additionalProperties" errors sit on the parent object and name the property.
        if (error.getProperty() != null) {
            parts.add(error.getProperty());
        }
        String field = parts.isEmpty() ? null : String.join(".", parts);
        return new SchemaViolation(field, error.getMessage());
    }

    String describe() {
        return (field == null ? "request" : field) + ": " + message;
    }
}
