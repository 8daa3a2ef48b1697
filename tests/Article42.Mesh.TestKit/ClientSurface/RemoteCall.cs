using System.Reflection;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Calls an interface method on a reference with default arguments and says how the silo answered: shared by the
/// in-process client-surface test and the one against a silo process.
/// </summary>
public static class RemoteCall
{
    /// <summary>
    /// The refusal the call got, or else the failure (null when it answered): a failure past the filter, or of an
    /// activation that could not be created.
    /// </summary>
    public static async Task<(MeshError? Refusal, Exception? Failure)> CallAsync(IAddressable reference, MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var arguments = method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        try
        {
            await Awaitable(method.Invoke(reference, arguments)).WaitAsync(TimeSpan.FromSeconds(30));
            return (null, null);
        }
        catch (MeshCallRefusedException refused)
        {
            return (refused.Error, null);
        }
        catch (TargetInvocationException thrown) when (thrown.InnerException is MeshCallRefusedException refused)
        {
            return (refused.Error, null);
        }
        catch (TimeoutException)
        {
            throw;
        }
        catch (Exception other) when (other is not MeshCallRefusedException)
        {
            return (null, other);
        }
    }

    /// <summary>Whether the method answers, so a refusal can be seen: not one-way, not void.</summary>
    public static bool Observable(MethodInfo method) =>
        method is { IsGenericMethodDefinition: false, IsStatic: false } && method.ReturnType != typeof(void)
        && method.GetCustomAttribute<Orleans.Concurrency.OneWayAttribute>() is null;

    private static Task Awaitable(object? result) => result switch
    {
        Task task => task,
        ValueTask valueTask => valueTask.AsTask(),
        null => Task.CompletedTask,
        _ when result.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>) =>
            (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!,
        _ when result.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable =>
            FirstOfAsync(result, enumerable),
        _ => Task.CompletedTask,
    };

    private static async Task FirstOfAsync(object enumerable, Type type)
    {
        var enumerator = type.GetMethod("GetAsyncEnumerator")!.Invoke(enumerable, [CancellationToken.None])!;
        var next = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>))
            .GetMethod("MoveNextAsync")!.Invoke(enumerator, null)!;
        await ((ValueTask<bool>)next).AsTask();
    }
}
