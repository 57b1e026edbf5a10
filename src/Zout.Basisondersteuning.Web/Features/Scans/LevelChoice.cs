using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>
/// A level scale as radio buttons, each with what the level means for this aspect: in this domain when the
/// domain has its own descriptions for the aspect, else the aspect's, else the level's own.
/// </summary>
public sealed record LevelChoice(string Name, string Id, string Legend, int? Value, IReadOnlyList<LevelDefinition> Levels, AspectDefinition? Aspect,
    bool AllowEmpty = true, DomainDefinition? Domain = null)
{
    public string? Describe(int level) =>
        (Aspect is null ? null : Domain is null ? Aspect.DescriptionFor(level) : Domain.DescriptionFor(Aspect, level))
        ?? Levels.FirstOrDefault(l => l.Value == level)?.Description;
}
