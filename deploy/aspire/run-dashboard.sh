#!/usr/bin/env bash
# The Aspire Dashboard as the local OTLP receiver and trace viewer: restored from its NuGet package
# (Aspire.Dashboard.Sdk.linux-x64, no container) and run in the foreground until Ctrl+C.
#
# Authentication is OFF (browser, OTLP and the telemetry API): anyone who reaches these ports reads and writes
# telemetry. Every URL is on 127.0.0.1 unless A42_DASHBOARD_HOST says otherwise: a laptop, not a shared host.
#
#   UI_PORT (18888)          the dashboard in a browser, and its API: GET /api/telemetry/traces[/TRACE_ID], /resources
#   OTLP_GRPC_PORT (4317)    OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317 for the silo, a42 send, a42 listen
#   OTLP_HTTP_PORT (4318)    OTLP over HTTP/protobuf, for exporters that speak only that
#
# Prints "dashboard URL", "otlp-grpc URL", "otlp-http URL" on standard output, then the dashboard's own logs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/aspire-dashboard.csproj"
dotnet="${DOTNET:-dotnet}"
host="${A42_DASHBOARD_HOST:-127.0.0.1}"
ui_port="${UI_PORT:-18888}"
grpc_port="${OTLP_GRPC_PORT:-4317}"
http_port="${OTLP_HTTP_PORT:-4318}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$dotnet" restore "$project" --verbosity quiet >&2
package="$("$dotnet" msbuild "$project" -getProperty:PkgAspire_Dashboard_Sdk_linux-x64)"
dashboard="$package/tools/Aspire.Dashboard"
[ -f "$dashboard" ] || { echo "run-dashboard: $dashboard not found after restoring $project" >&2; exit 1; }
# NuGet does not keep file modes; the package asks for 755 (data/UnixFilePermissions.xml).
[ -x "$dashboard" ] || chmod 755 "$dashboard"

export ASPNETCORE_URLS="http://$host:$ui_port"
export DASHBOARD__OTLP__GRPCENDPOINTURL="http://$host:$grpc_port"
export DASHBOARD__OTLP__HTTPENDPOINTURL="http://$host:$http_port"
export DASHBOARD__FRONTEND__AUTHMODE=Unsecured
export DASHBOARD__OTLP__AUTHMODE=Unsecured
export DASHBOARD__API__ENABLED=true
export DASHBOARD__API__AUTHMODE=Unsecured
export DASHBOARD__OTLP__SUPPRESSUNSECUREDTELEMETRYMESSAGE=true

echo "dashboard $ASPNETCORE_URLS"
echo "otlp-grpc $DASHBOARD__OTLP__GRPCENDPOINTURL"
echo "otlp-http $DASHBOARD__OTLP__HTTPENDPOINTURL"
cd "$(dirname "$dashboard")"
exec "$dashboard"
