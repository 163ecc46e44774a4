package dev.tracks.analysis.controlplane;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a kubelet would give a container: envFrom, then env (literal values with {@code $(VAR)}
 * expansion, Secret and ConfigMap keys, downward-API fields and resources). Indexed Jobs' JOB_COMPLETION_INDEX comes
 * as the Job controller writes it, a field reference to the pod's completion-index annotation.
 */
final class PodEnvironment {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)");
    private static final Pattern MAP_FIELD = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)']");

    private final KubernetesClient client;
    private final Pod pod;

    PodEnvironment(KubernetesClient client, Pod pod) {
        this.client = client;
        this.pod = pod;
    }

    /** The variables of {@code container}; fails with the kubelet's reason when a reference cannot be resolved. */
    Map<String, String> resolve(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                ConfigMap map = configMap(source.getConfigMapRef().getName(),
                        Boolean.TRUE.equals(source.getConfigMapRef().getOptional()));
                if (map != null && map.getData() != null) {
                    map.getData().forEach((k, v) -> env.put(prefix + k, v));
                }
            }
            if (source.getSecretRef() != null) {
                Secret secret = secret(source.getSecretRef().getName(),
                        Boolean.TRUE.equals(source.getSecretRef().getOptional()));
                if (secret != null && secret.getData() != null) {
                    secret.getData().forEach((k, v) -> env.put(prefix + k, decode(v)));
                }
            }
        }
        for (EnvVar variable : container.getEnv()) {
            String value = variable.getValueFrom() == null
                    ? expand(variable.getValue() == null ? "" : variable.getValue(), env)
                    : valueFrom(variable.getValueFrom(), container);
            if (value != null) {
                env.put(variable.getName(), value);
            }
        }
        return env;
    }

    /** {@code $(VAR)} references replaced by earlier variables; unknown references stay as written, as in kubelet. */
    static String expand(String text, Map<String, String> env) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = env.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static List<String> expandAll(List<String> texts, Map<String, String> env) {
        return texts.stream().map(text -> expand(text, env)).toList();
    }

    private String valueFrom(EnvVarSource source, Container container) {
        if (source.getSecretKeyRef() != null) {
            var ref = source.getSecretKeyRef();
            Secret secret = secret(ref.getName(), Boolean.TRUE.equals(ref.getOptional()));
            String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(ref.getKey());
            return required(encoded == null ? null : decode(encoded), ref.getOptional(),
                    "key " + ref.getKey() + " not found in secret " + ref.getName());
        }
        if (source.getConfigMapKeyRef() != null) {
            var ref = source.getConfigMapKeyRef();
            ConfigMap map = configMap(ref.getName(), Boolean.TRUE.equals(ref.getOptional()));
            String value = map == null || map.getData() == null ? null : map.getData().get(ref.getKey());
            return required(value, ref.getOptional(), "key " + ref.getKey() + " not found in configmap "
                    + ref.getName());
        }
        if (source.getFieldRef() != null) {
            return field(source.getFieldRef().getFieldPath());
        }
        if (source.getResourceFieldRef() != null) {
            return resource(source.getResourceFieldRef().getResource(), source.getResourceFieldRef().getDivisor(),
                    container);
        }
        throw new ContainerConfigException("unsupported env source " + source);
    }

    private String field(String path) {
        Matcher mapField = MAP_FIELD.matcher(path);
        if (mapField.matches()) {
            Map<String, String> values = "labels".equals(mapField.group(1))
                    ? pod.getMetadata().getLabels() : pod.getMetadata().getAnnotations();
            return values == null ? "" : values.getOrDefault(mapField.group(2), "");
        }
        return switch (path) {
            case "metadata.name" -> pod.getMetadata().getName();
            case "metadata.namespace" -> pod.getMetadata().getNamespace();
            case "metadata.uid" -> pod.getMetadata().getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.hostIP", "status.podIP" -> NodeAgent.ADDRESS;
            default -> throw new ContainerConfigException("unsupported fieldRef " + path);
        };
    }

    private static String resource(String resource, Quantity divisor, Container container) {
        String[] parts = resource.split("\\.", 2);
        var requirements = container.getResources();
        Map<String, Quantity> values = requirements == null ? null
                : "limits".equals(parts[0]) ? requirements.getLimits() : requirements.getRequests();
        Quantity quantity = values == null ? null : values.get(parts[1]);
        if (quantity == null) {
            return "0";
        }
        BigDecimal divide = divisor == null ? BigDecimal.ONE : divisor.getNumericalAmount();
        return quantity.getNumericalAmount().divide(divide, 0, RoundingMode.CEILING).toPlainString();
    }

    private Secret secret(String name, boolean optional) {
        Secret secret = client.secrets().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
        return required(secret, optional, "secret \"" + name + "\" not found");
    }

    private ConfigMap configMap(String name, boolean optional) {
        ConfigMap map = client.configMaps().inNamespace(pod.getMetadata().getNamespace()).withName(name).get();
        return required(map, optional, "configmap \"" + name + "\" not found");
    }

    private static <T> T required(T value, Boolean optional, String problem) {
        if (value == null && !Boolean.TRUE.equals(optional)) {
            throw new ContainerConfigException(problem);
        }
        return value;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** The kubelet's CreateContainerConfigError: the container cannot start until the reference resolves. */
    static final class ContainerConfigException extends RuntimeException {
        ContainerConfigException(String message) {
            super(message);
        }
    }
}
