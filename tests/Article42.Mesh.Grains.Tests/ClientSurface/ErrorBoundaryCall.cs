using System.Reflection;
using Orleans.Serialization.Invocation;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// One client call (no cluster secret) as <see cref="MeshErrorBoundary"/> sees it: the call's own work throws
/// <paramref name="failure"/>; <paramref name="callCancellation"/> is the token the client's cancellation fires.
/// Only what the boundary reads is implemented.
/// </summary>
internal sealed class ErrorBoundaryCall(Exception failure, CancellationToken callCancellation = default) : IIncomingGrainCallContext
{
    public IInvokable Request { get; } = new CancellableRequest(callCancellation);
    public object Grain => throw new NotSupportedException();
    public GrainId? SourceId => null;
    public GrainId TargetId { get; } = GrainId.Create("participant", "DE");
    public GrainInterfaceType InterfaceType => throw new NotSupportedException();
    public string InterfaceName => "IParticipantGrain";
    public string MethodName => "SubmitAsync";
    public MethodInfo InterfaceMethod => null!;
    public object? Result { get; set; }
    public Response? Response { get; set; }
    public IGrainContext TargetContext => throw new NotSupportedException();
    public MethodInfo ImplementationMethod => throw new NotSupportedException();

    public Task Invoke() => Task.FromException(failure);

    private sealed class CancellableRequest(CancellationToken cancellation) : IInvokable
    {
        public CancellationToken GetCancellationToken() => cancellation;
        public object? GetTarget() => throw new NotSupportedException();
        public void SetTarget(ITargetHolder holder) => throw new NotSupportedException();
        public ValueTask<Response> Invoke() => throw new NotSupportedException();
        public int GetArgumentCount() => 0;
        public object? GetArgument(int index) => throw new NotSupportedException();
        public void SetArgument(int index, object value) => throw new NotSupportedException();
        public string GetMethodName() => "SubmitAsync";
        public string GetInterfaceName() => "IParticipantGrain";
        public string GetActivityName() => "IParticipantGrain/SubmitAsync";
        public MethodInfo GetMethod() => throw new NotSupportedException();
        public Type GetInterfaceType() => throw new NotSupportedException();
        public void Dispose()
        {
        }
    }
}
