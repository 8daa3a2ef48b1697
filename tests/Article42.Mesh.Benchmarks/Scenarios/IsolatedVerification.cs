using System.Diagnostics;
using System.Text.Json.Nodes;
using Article42.Mesh.Gateway;
using Article42.Mesh.TestKit;

namespace Article42.Mesh.Benchmarks.Scenarios;

/// <summary>
/// The gateway's receive check alone (<c>HeldRegistry.Judge</c>, what <c>VerifyReceived</c> adds per message): the
/// canonical bytes of a signed SITREP carrying the run's payload and one ECDSA P-256 verify under a key imported once.
/// Single-threaded, with no mesh running, so the process's CPU time is the check's.
/// </summary>
internal static class IsolatedVerification
{
    public static JsonObject Measure(BenchContext context, int messages)
    {
        using var operatorKey = ParticipantKeys.Generate();
        var registry = KeyedRegistry.Registry;
        var signed = RegistryDocuments.Sign(registry.Next(registry.Participants, DateTimeOffset.UtcNow).ToDocument(), operatorKey);
        using var held = new HeldRegistry(operatorKey);
        if (held.Apply(RegistryDocuments.Encode(signed)) is { } refused)
            throw new InvalidOperationException($"the benchmark's registry did not verify: {refused}");
        var sender = KeyedRegistry.KeyOf("FR");
        var keyId = KeyId.OfSubjectPublicKeyInfo(sender.ExportSubjectPublicKeyInfo());
        var envelope = EnvelopeSignatures.Sign(EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, "FR", ["DE"], []), DateTimeOffset.UtcNow) with { Payload = context.Payload.Body }, sender);
        var inbox = Enumerable.Range(0, 64).Select(i => new InboxMessage(i, Precedence.Routine, envelope, KeyId: keyId)).ToArray();
        for (var i = 0; i < 500; i++)
            Check(held, inbox[i % inbox.Length]);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < messages; i++)
            Check(held, inbox[i % inbox.Length]);
        clock.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / messages;
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / messages;
        Console.WriteLine($"  the check alone: {cpuMs:0.000} ms CPU/msg ({clock.Elapsed.TotalMilliseconds / messages:0.000} ms wall), {bytes / 1024:0.0} KiB allocated/msg over {messages:N0} messages");
        return new JsonObject { ["messages"] = messages, ["cpu_ms_per_message"] = Math.Round(cpuMs, 4), ["wall_ms_per_message"] = Math.Round(clock.Elapsed.TotalMilliseconds / messages, 4), ["allocated_bytes_per_message"] = Math.Round(bytes) };
    }

    private static void Check(HeldRegistry held, InboxMessage message)
    {
        if (held.Judge(message, intact: true) is { } rejected)
            throw new InvalidOperationException($"a good message was rejected: {rejected}");
    }
}
