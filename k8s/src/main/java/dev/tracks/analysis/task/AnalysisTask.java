package dev.tracks.analysis.task;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.DATE;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.INTEGER;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.NUMBER;
import static io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type.STRING;

/**
 * One run of one analysis skill over the points in PostgreSQL. The operator turns it into a Job running the worker;
 * the worker reports progress into its status. The CRD in {@code k8s/crd/} is generated from these types.
 */
@Group(AnalysisTask.GROUP)
@Version(AnalysisTask.VERSION)
@Kind("AnalysisTask")
@Plural("analysistasks")
@Singular("analysistask")
@ShortNames("atask")
@Categories("tracks")
@AdditionalPrinterColumn(name = "Skill", jsonPath = ".spec.skill", type = STRING)
@AdditionalPrinterColumn(name = "Mode", jsonPath = ".spec.mode", type = STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = STRING)
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress.percent", type = NUMBER)
@AdditionalPrinterColumn(name = "ETA", jsonPath = ".status.progress.etaSeconds", type = INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = DATE)
@ValidationRule(value = "!has(self.spec.dependsOn) || !(self.metadata.name in self.spec.dependsOn)",
        message = "a task cannot depend on itself", fieldPath = ".spec.dependsOn", reason = "FieldValueInvalid")
public class AnalysisTask extends CustomResource<AnalysisTaskSpec, AnalysisTaskStatus> implements Namespaced {

    public static final String GROUP = "analysis.tracks.dev";
    public static final String VERSION = "v1alpha1";

    /** status.phase; null before the first decision. Not a bean getter: no field of the schema. */
    public TaskPhase phase() {
        return getStatus() == null ? null : getStatus().getPhase();
    }

    /** Whether the task is in a phase it never leaves. */
    public boolean finished() {
        return phase() != null && phase().isFinished();
    }

    @Override
    protected AnalysisTaskStatus initStatus() {
        return new AnalysisTaskStatus();
    }
}
