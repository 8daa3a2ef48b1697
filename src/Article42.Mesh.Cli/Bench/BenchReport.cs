using System.Globalization;
using System.Text.Json;
using Article42.Mesh.Load.Measuring;

namespace Article42.Mesh.Cli.Bench;

/// <summary>
/// What <c>a42 bench</c> prints once a run is over: throughput and the latency percentiles of each precedence, as a
/// listing (plain columns when piped) or, under <c>--json</c>, one JSON document whose fields docs/performance.md
/// describes. Latency is from the start of a send to the moment the receiving gateway is handed the message.
/// </summary>
internal sealed record BenchReport(BenchSetup Setup, RunFigures Figures)
{
    public void WriteText()
    {
        Console.WriteLine(Invariant($"sent {Figures.SentPerSecond:0.#} msg/s, delivered {Figures.DeliveredPerSecond:0.#} msg/s over {Figures.Seconds:0.##} s; {Figures.FailedSends} sends failed, {Figures.Undelivered} undelivered"));
        var listing = new Listing("PRECEDENCE", "COUNT", "MSG/S", "P50 MS", "P90 MS", "P99 MS", "MAX MS");
        foreach (var latency in Figures.Latency)
            listing.Add(latency.Name, Invariant($"{latency.Count}"), Invariant($"{PerSecond(latency):0.#}"), Invariant($"{latency.P50:0.###}"), Invariant($"{latency.P90:0.###}"), Invariant($"{latency.P99:0.###}"), Invariant($"{latency.Max:0.###}"));
        listing.Write();
        foreach (var reason in Figures.FailureReasons)
            Console.WriteLine($"failed: {reason}");
    }

    public void WriteJson() => Console.WriteLine(JsonLines.Write(writer =>
    {
        writer.WriteStartArray("gateways");
        foreach (var endpoint in Setup.Endpoints)
            writer.WriteStringValue(endpoint.ToString());
        writer.WriteEndArray();
        Strings(writer, "senders", Setup.Roster.Senders);
        Strings(writer, "receivers", Setup.Roster.Receivers);
        writer.WriteNumber("size_bytes", Setup.SizeBytes);
        writer.WriteNumber("envelope_bytes", Setup.EnvelopeBytes);
        writer.WriteNumber("in_flight", Setup.InFlight);
        writer.WriteString("mix", Setup.Mix.ToString());
        writer.WriteNumber("warmup_s", Setup.Warmup.TotalSeconds);
        writer.WriteNumber("duration_s", Setup.Duration.TotalSeconds);
        writer.WriteNumber("seconds", Figures.Seconds);
        writer.WriteNumber("sent_per_s", Figures.SentPerSecond);
        writer.WriteNumber("delivered_per_s", Figures.DeliveredPerSecond);
        writer.WriteNumber("failed_sends", Figures.FailedSends);
        writer.WriteNumber("undelivered", Figures.Undelivered);
        Strings(writer, "failures", Figures.FailureReasons);
        writer.WriteStartArray("precedences");
        foreach (var latency in Figures.Latency)
        {
            writer.WriteStartObject();
            writer.WriteString("precedence", latency.Name);
            writer.WriteNumber("count", latency.Count);
            writer.WriteNumber("per_s", Math.Round(PerSecond(latency), 1));
            writer.WriteNumber("p50_ms", latency.P50);
            writer.WriteNumber("p90_ms", latency.P90);
            writer.WriteNumber("p99_ms", latency.P99);
            writer.WriteNumber("max_ms", latency.Max);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }));

    private double PerSecond(LatencyFigures latency) => Figures.Seconds > 0 ? latency.Count / Figures.Seconds : 0;

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
