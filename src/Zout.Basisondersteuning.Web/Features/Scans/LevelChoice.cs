using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>A level scale as radio buttons, each with what the level means for this aspect.</summary>
public sealed record LevelChoice(string Name, string Id, string Legend, int? Value, IReadOnlyList<LevelDefinition> Levels, AspectDefinition? Aspect, bool AllowEmpty = true)
{
    public string? Describe(int level) => Aspect?.DescriptionFor(level) ?? Levels.FirstOrDefault(l => l.Value == level)?.Description;
}
