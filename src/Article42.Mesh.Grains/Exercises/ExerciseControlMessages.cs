namespace Article42.Mesh.Grains;

/// <summary>
/// PAUSEEX and RESUMEEX accepted from exercise control stop and restart the exercise clock the mesh judges the
/// exercise's traffic on (issue 22). Only EXCON's own messages count: a player cannot stop the clock its
/// receipts are judged on.
/// </summary>
internal static class ExerciseControlMessages
{
    public static async Task ApplyAsync(IGrainFactory grains, Participant? sender, Envelope envelope)
    {
        if (sender?.Kind != ParticipantKind.ExerciseControl || !envelope.IsTraining || envelope.ExerciseId is not { } exercise)
            return;
        if (envelope.Kind == MessageKind.Pauseex)
            await grains.GetGrain<IExerciseGrain>(exercise).PauseAsync();
        else if (envelope.Kind == MessageKind.Resumeex)
            await grains.GetGrain<IExerciseGrain>(exercise).ResumeAsync();
    }
}
