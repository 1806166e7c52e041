{{/* Names: every resource is prefixed with the release's full name (63 characters at most, the DNS label limit). */}}
{{- define "cdc-pipeline.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cdc-pipeline.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* A component's resource name, e.g. "cdc-pipeline-notifier". Call with (list $ "notifier"). */}}
{{- define "cdc-pipeline.componentName" -}}
{{- $root := index . 0 }}
{{- printf "%s-%s" (include "cdc-pipeline.fullname" $root) (index . 1) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "cdc-pipeline.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "cdc-pipeline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: cdc-pipeline
{{- end }}

{{/* Labels of one component: the common labels plus app.kubernetes.io/component. Call with (list $ "notifier"). */}}
{{- define "cdc-pipeline.componentLabels" -}}
{{ include "cdc-pipeline.labels" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* The labels a component's Service and Deployment select on: they never change between upgrades. */}}
{{- define "cdc-pipeline.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "cdc-pipeline.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* Strimzi resources: the Kafka cluster and the Connect cluster (their names become part of the operator's Service names). */}}
{{- define "cdc-pipeline.kafkaName" -}}
{{- include "cdc-pipeline.componentName" (list . "kafka") }}
{{- end }}

{{- define "cdc-pipeline.connectName" -}}
{{- include "cdc-pipeline.componentName" (list . "connect") }}
{{- end }}

{{- define "cdc-pipeline.kafkaBootstrapServers" -}}
{{- printf "%s-kafka-bootstrap:9092" (include "cdc-pipeline.kafkaName" .) }}
{{- end }}

{{/* Where the database is: the chart's own StatefulSet or an external server. */}}
{{- define "cdc-pipeline.databaseHost" -}}
{{- if .Values.postgresql.enabled }}
{{- include "cdc-pipeline.componentName" (list . "postgresql") }}
{{- else }}
{{- required "externalDatabase.host is required when postgresql.enabled=false" .Values.externalDatabase.host }}
{{- end }}
{{- end }}

{{- define "cdc-pipeline.databasePort" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.port }}{{ else }}{{ .Values.externalDatabase.port }}{{ end }}
{{- end }}

{{- define "cdc-pipeline.databaseName" -}}
{{- if .Values.postgresql.enabled }}{{ .Values.postgresql.database }}{{ else }}{{ .Values.externalDatabase.database }}{{ end }}
{{- end }}

{{- define "cdc-pipeline.databaseUrl" -}}
{{- printf "jdbc:postgresql://%s:%s/%s" (include "cdc-pipeline.databaseHost" .) (include "cdc-pipeline.databasePort" .) (include "cdc-pipeline.databaseName" .) }}
{{- end }}

{{/* The Secret holding the database passwords: an existing one, or the one this chart generates. */}}
{{- define "cdc-pipeline.databaseSecretName" -}}
{{- if not .Values.postgresql.enabled }}
{{- required "externalDatabase.existingSecret is required when postgresql.enabled=false" .Values.externalDatabase.existingSecret }}
{{- else if .Values.postgresql.auth.existingSecret }}
{{- .Values.postgresql.auth.existingSecret }}
{{- else }}
{{- include "cdc-pipeline.componentName" (list . "database") }}
{{- end }}
{{- end }}

{{/* An env entry read from the database Secret. Call with (list $ "CDC_DATABASE_APP_PASSWORD" "app-password"). */}}
{{- define "cdc-pipeline.databaseSecretEnv" -}}
{{- $root := index . 0 -}}
- name: {{ index . 1 }}
  valueFrom:
    secretKeyRef:
      name: {{ include "cdc-pipeline.databaseSecretName" $root }}
      key: {{ index . 2 }}
{{- end }}

{{- define "cdc-pipeline.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/* What both services' pods share: Quarkus's health probes, the hardened securityContext and a writable /tmp.
     Call with (dict "root" $ "port" 8080). */}}
{{- define "cdc-pipeline.serviceContainerCommon" -}}
ports:
  - name: http
    containerPort: {{ .port }}
    protocol: TCP
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  periodSeconds: 2
  failureThreshold: 60
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
  periodSeconds: 5
  failureThreshold: 3
securityContext:
  {{- toYaml .root.Values.containerSecurityContext | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end }}

{{- define "cdc-pipeline.servicePodCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
# The services never call the Kubernetes API.
automountServiceAccountToken: false
# Quarkus's graceful shutdown finishes in-flight work within this time.
terminationGracePeriodSeconds: 30
volumes:
  - name: tmp
    emptyDir: {}
{{- end }}
