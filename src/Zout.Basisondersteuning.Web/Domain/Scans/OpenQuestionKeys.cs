namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// The keys of the open questions the documents place by name (the templates all have them): the SOP puts the context
/// first, the vision, structure, limits and ambitions each in its own section; other questions follow in framework order.
/// </summary>
public static class OpenQuestionKeys
{
    /// <summary>The school's context and pupil population.</summary>
    public const string Context = "context";

    public const string Vision = "visie";
    public const string Structure = "ondersteuningsstructuur";
    public const string Limits = "grenzen";
    public const string Ambitions = "ambities";

    /// <summary>The questions with a place of their own in the SOP.</summary>
    public static IReadOnlyList<string> PlacedInSop { get; } = [Context, Vision, Structure, Limits, Ambitions];
}
