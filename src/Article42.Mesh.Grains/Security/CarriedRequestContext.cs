using System.Collections.Concurrent;
using System.Reflection;

namespace Article42.Mesh.Grains;

/// <summary>
/// The request context a call carried in its own message, as opposed to the ambient <see cref="RequestContext"/>.
/// Orleans (10.4.2, <c>InsideRuntimeClient.Invoke</c>) imports a message's request context only when it has one; a
/// call that carries none runs with the ambient context its turn inherited, e.g. that of the silo call that created
/// the activation, cluster secret included. So the secret is read from the message. Orleans exposes no message on
/// <see cref="IIncomingGrainCallContext"/>: this reads the invoker's <c>message</c> field and the message's
/// <c>RequestContextData</c>. Should an Orleans upgrade rename either, nothing carries the secret: every silo call is
/// refused, the cluster fails at once and ClientSurfaceTests go red (it fails closed, never open).
/// </summary>
internal static class CarriedRequestContext
{
    private static readonly ConcurrentDictionary<Type, Func<object, object?>> Readers = new();

    public static object? Get(IIncomingGrainCallContext context, string key) =>
        Readers.GetOrAdd(context.GetType(), ReaderOf)(context) is IDictionary<string, object> data && data.TryGetValue(key, out var value) ? value : null;

    private static Func<object, object?> ReaderOf(Type invoker)
    {
        var message = invoker.GetField("message", BindingFlags.Instance | BindingFlags.NonPublic);
        var data = message?.FieldType.GetProperty("RequestContextData", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        if (message is null || data is null)
            return _ => null;
        return context => message.GetValue(context) is { } carried ? data.GetValue(carried) : null;
    }
}
