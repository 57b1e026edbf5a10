using Zout.Basisondersteuning.Web.Domain.Scans.Templates;

namespace Zout.Basisondersteuning.Web.Domain.Scans;

/// <summary>
/// The framework a partnership starts with when it chooses nothing else: the template "Domeinen x aspecten"
/// (<c>Templates/domeinen-aspecten.json</c>, the one source of it), with the common Dutch set of domains, aspects,
/// a 4-point scale, agreements and an offering catalogue. The keys are stable: answers carry over by key, so never
/// rename one there.
/// </summary>
public static class DefaultFramework
{
    public static FrameworkDefinition Create() => FrameworkTemplates.Load(FrameworkTemplates.Default);
}
