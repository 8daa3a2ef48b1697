namespace Article42.Mesh.Exercises;

/// <summary>The MSEL as exercise control in the mesh keeps it: injects and the expected actions that name a kind.</summary>
public static class ExerciseControlPlan
{
    public static ExercisePlanRecord From(Scenario scenario) => new(
        scenario.Id, scenario.Name, scenario.Compression,
        [.. scenario.Msel.Select(inject => new PlannedInject(inject.Id, inject.At, [.. inject.Expectations.SelectMany(Responses)]))]);

    private static IEnumerable<ExpectedResponse> Responses(Expectation expectation)
    {
        if (expectation.Kind is not { } kind)
            yield break;
        if (expectation.Any || expectation.Actors.IsEmpty)
        {
            yield return new ExpectedResponse(expectation.Id, null, kind, expectation.Within);
            yield break;
        }
        foreach (var actor in expectation.Actors)
            yield return new ExpectedResponse($"{expectation.Id}:{actor}", actor, kind, expectation.Within);
    }
}
