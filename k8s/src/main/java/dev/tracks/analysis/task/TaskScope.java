package dev.tracks.analysis.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** The part of the points a task analyzes: some users, a time range of points, or both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaMerge.class, input = TaskScope.SCHEMA)
@ValidationRule(value = "!has(self.from) || !has(self.to) || timestamp(self.from) < timestamp(self.to)",
        message = "scope.from must be before scope.to", fieldPath = ".to", reason = "FieldValueInvalid")
public class TaskScope {

    public static final int MAX_USERS = 1000;
    public static final int MAX_USER_ID_LENGTH = 128;

    /** userIds is a set of bounded ids; from and to are RFC 3339 timestamps. */
    static final String SCHEMA = "{\"properties\":{"
            + "\"userIds\":{\"x-kubernetes-list-type\":\"set\",\"items\":{\"minLength\":1,\"maxLength\":"
            + MAX_USER_ID_LENGTH + "}},"
            + "\"from\":{\"format\":\"date-time\"},"
            + "\"to\":{\"format\":\"date-time\"}}}";

    @Size(max = MAX_USERS)
    @JsonPropertyDescription("Only the points of these users; all users when absent.")
    private List<String> userIds = new ArrayList<>();

    @JsonPropertyDescription("Only points recorded at or after this time (RFC 3339).")
    private String from;

    @JsonPropertyDescription("Only points recorded before this time (RFC 3339).")
    private String to;

    public List<String> getUserIds() {
        return userIds;
    }

    public void setUserIds(List<String> userIds) {
        this.userIds = userIds;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
