{{- define "mipgate.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "mipgate.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "mipgate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mipgate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "mipgate.labels" -}}
{{ include "mipgate.selectorLabels" . }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "mipgate.secretName" -}}
{{- default (include "mipgate.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{/* The volume name of a serial device: /dev/ttyUSB2 -> serial-dev-ttyusb2 */}}
{{- define "mipgate.deviceVolume" -}}
{{- printf "serial%s" (. | lower | replace "/" "-" | replace "_" "-" | replace "." "-") | trunc 63 | trimSuffix "-" -}}
{{- end -}}
