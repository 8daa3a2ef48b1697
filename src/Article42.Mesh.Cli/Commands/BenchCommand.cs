using Article42.Mesh.Cli.Bench;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 bench</c>: load-tests a running mesh, as <c>nats bench</c> does, through the same load generator as
/// tests/Article42.Mesh.Benchmarks (Article42.Mesh.Load): a closed loop of drill SITREPs from bench senders to bench
/// receivers, then throughput and latency percentiles per precedence. It speaks only for bench participants.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var participants = new Option<string?>("--participants") { Description = "Bench participants to use, comma-separated, senders first (default: every bench participant in the trust store).", HelpName = "PARTICIPANTS" };
        var senders = WholeNumberOption.AtLeast("--senders", "Participants that send (default: 1).", "N", "a whole number of senders", minimum: 1, defaultValue: 1);
        var receivers = WholeNumberOption.AtLeast("--receivers", "Participants that receive (default: 1).", "N", "a whole number of receivers", minimum: 1, defaultValue: 1);
        var size = WholeNumberOption.AtLeast("--size", $"Bytes of situation text in each message, at most {Limits.LongText} (default: 512).", "BYTES", "a whole number of bytes", minimum: 1, defaultValue: 512);
        var inFlight = WholeNumberOption.AtLeast("--in-flight", "Messages on their way at once: each sender waits for delivery before its next (default: 8).", "N", "a whole number of messages", minimum: 1, defaultValue: 8);
        var mix = new Option<string?>("--mix") { Description = $"Share of each precedence (default: {PrecedenceMix.Default}).", HelpName = "PRECEDENCE=WEIGHT[,...]" };
        var duration = WholeNumberOption.Seconds("--duration", "Seconds measured (default: 10).", 10);
        var warmup = WholeNumberOption.AtLeast("--warmup", "Seconds of traffic before measuring, not counted (default: 2).", "SECONDS", "a whole number of seconds", minimum: 0, defaultValue: 2);
        var json = CommonOptions.Json();
        var keys = CommonOptions.Keys();
        var gateway = new GatewayOptions();
        var command = new Command("bench", "Load-test a running mesh with bench participants (drill traffic): throughput and latency percentiles per precedence.")
        {
            participants, senders, receivers, size, inFlight, mix, duration, warmup, json, keys,
        };
        command.WithExamples(
            "a42 keys init --bench 4  # then restart the mesh so that it knows them",
            "a42 bench --duration 30 --in-flight 32",
            $"a42 bench --gateway 10.0.0.5:{MeshDefaults.GatewayPort} --senders 2 --receivers 2 --mix ROUTINE=90,PRIORITY=9,FLASH=1",
            "a42 bench --size 4096 --json | jq '.precedences[] | {precedence, p99_ms}'");
        foreach (var option in gateway.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var chosenMix = parse.GetValue(mix) is { } given ? PrecedenceMix.Parse(given) : PrecedenceMix.Default;
            var payload = BenchMessage.Create(parse.GetValue(size));
            var store = TrustStoreLocator.Store(parse.GetValue(keys));
            var roster = BenchRoster.Choose(store, OptionValues.Ids(parse.GetValue(participants)), parse.GetValue(senders), parse.GetValue(receivers));
            var setup = new BenchSetup(gateway.Endpoints(parse), roster, parse.GetValue(size), payload.EnvelopeBytes, parse.GetValue(inFlight), chosenMix,
                TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(duration)));
            var report = await BenchRun.RunAsync(setup, payload, id => gateway.For(parse, id, parse.GetValue(keys)), parse.GetValue(json), cancellation);
            if (parse.GetValue(json))
                report.WriteJson();
            else
                report.WriteText();
            return report.Figures.FailedSends + report.Figures.Undelivered > 0 ? ExitCodes.Partial : ExitCodes.Success;
        }));
        return command;
    }
}
