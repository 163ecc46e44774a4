{{/* The chart's name, or nameOverride. */}}
{{- define "tracks.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; component suffixes ("-operator", "-api", "-worker") are appended to it. */}}
{{- define "tracks.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of every resource, but app.kubernetes.io/instance (see tracks.labels and tracks.selectorLabels). */}}
{{- define "tracks.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: {{ include "tracks.name" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels of a resource that belongs to no single component. */}}
{{- define "tracks.labels" -}}
{{ include "tracks.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Selector labels of one component: (dict "root" $ "component" "operator"). */}}
{{- define "tracks.selectorLabels" -}}
app.kubernetes.io/name: {{ printf "tracks-%s" .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* All labels of one component's resources. */}}
{{- define "tracks.componentLabels" -}}
{{ include "tracks.commonLabels" .root }}
{{ include "tracks.selectorLabels" . }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* An image reference from a component's image values: (dict "root" $ "image" .Values.operator.image). */}}
{{- define "tracks.image" -}}
{{- $global := .root.Values.global.image }}
{{- $tag := .image.tag | default $global.tag | default .root.Chart.AppVersion }}
{{- if $global.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $global.registry) .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{- define "tracks.pullPolicy" -}}
{{- .image.pullPolicy | default .root.Values.global.image.pullPolicy }}
{{- end }}

{{- define "tracks.operatorName" -}}{{ include "tracks.fullname" . }}-operator{{- end }}
{{- define "tracks.apiName" -}}{{ include "tracks.fullname" . }}-api{{- end }}
{{- define "tracks.workerName" -}}{{ include "tracks.fullname" . }}-worker{{- end }}

{{/* The Secret with the database connection: the existing one, or the one the chart creates. */}}
{{- define "tracks.databaseSecret" -}}
{{- .Values.database.existingSecret | default (printf "%s-db" (include "tracks.fullname" .)) }}
{{- end }}

{{/* The Secret with the static admin tokens. */}}
{{- define "tracks.adminTokensSecret" -}}
{{- .Values.apiService.auth.staticTokens.existingSecret
    | default (printf "%s-admin-tokens" (include "tracks.fullname" .)) }}
{{- end }}

{{/* The restricted Pod Security Standard, pod level. */}}
{{- define "tracks.podSecurityContext" -}}
runAsNonRoot: true
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The restricted Pod Security Standard, container level; the root filesystem is read-only (/tmp is an emptyDir). */}}
{{- define "tracks.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end }}

{{/* Liveness, readiness and startup probes of a Quarkus service on the port named http. */}}
{{- define "tracks.probes" -}}
startupProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 5
  failureThreshold: 36
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 10
  failureThreshold: 3
{{- end }}

{{/* NetworkPolicy egress every component needs: DNS and the Kubernetes API server. */}}
{{- define "tracks.baseEgress" -}}
- ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
- ports:
    {{- range .Values.networkPolicy.kubernetesApiPorts }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end }}
{{/* NetworkPolicy egress to PostgreSQL. */}}
{{- define "tracks.databaseEgress" -}}
- ports:
    - protocol: TCP
      port: {{ .Values.networkPolicy.databasePort }}
  {{- with .Values.networkPolicy.databaseTo }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
