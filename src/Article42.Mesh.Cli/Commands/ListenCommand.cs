namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// <c>a42 listen --as IDS [--ack] [--count N] [--timeout SECONDS] [--state DIR]</c>: one JSON line per received
/// envelope (receipts and acknowledgements included) and per delivery report on what the participants sent, each
/// exactly once (across restarts too with <c>--state</c>), through silo restarts. Several participants share one process,
/// each through its own gateway connection.
/// </summary>
public static class ListenCommand
{
    public static Command Create()
    {
        var participants = new Option<string>("--as") { Description = "The participant(s) whose inbox to read, comma-separated.", HelpName = "PARTICIPANTS", Required = true };
        var keys = CommonOptions.Keys();
        var gateway = new GatewayOptions();
        var ack = new Option<bool>("--ack") { Description = "Acknowledge each message once printed (with the RECEIPT its sender asked for)." };
        var count = WholeNumberOption.Optional("--count", "Stop after N received envelopes in all (exit 3 if the timeout comes first).", "N", "a whole number of envelopes", minimum: 1);
        var timeout = WholeNumberOption.Optional("--timeout", "Stop after SECONDS (default: listen until Ctrl+C).", "SECONDS", "a whole number of seconds", minimum: 1);
        var state = new Option<string?>("--state") { Description = "State directory (one subdirectory per participant): never print a message or report twice, across restarts of this listener.", HelpName = "DIR" };
        var command = new Command("listen", "Print inboxes and delivery reports as JSON lines, highest precedence first, each once.")
        {
            participants, keys, ack, count, timeout, state,
        };
        command.WithExamples(
            "a42 listen --as DE",
            "a42 listen --as DE,PL --ack --state ./listen-state",
            "a42 listen --as DE --count 1 --timeout 60  # wait for one message, at most a minute");
        foreach (var option in gateway.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => CommandRunner.RunAsync(async () =>
        {
            var ids = OptionValues.Ids(parse.GetValue(participants));
            if (ids.IsEmpty || ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
                throw new CliException(CliErrorCodes.BadOptionValue, "--as", "give one or more distinct participant ids, comma-separated");
            var stateDirectory = parse.GetValue(state);
            var reachability = new Reachability();
            var gateways = ids.Select(id => gateway.For(parse, id, parse.GetValue(keys),
                stateDirectory is null ? null : Path.Combine(stateDirectory, id)) with
            { AcknowledgementsAsEvents = false, OnUnreachable = reachability.Retrying }).ToList();
            var listener = new Listener(TrustStoreLocator.Store(parse.GetValue(keys)).Registry, parse.GetValue(ack), parse.GetValue(count), reachability, stateDirectory);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (parse.GetValue(timeout) is { } seconds)
                stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            return await listener.RunAsync(gateways, stop, cancellation);
        }));
        return command;
    }
}
