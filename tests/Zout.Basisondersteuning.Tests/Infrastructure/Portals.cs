using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Dashboards;

[assembly: TestCollectionOrderer("Zout.Basisondersteuning.Tests.Infrastructure.SharedPortalsFirst", "Zout.Basisondersteuning.Tests")]

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// Which test classes share a portal: one start of the app and one run of the migrations for the whole
/// collection instead of one per class. xunit runs collections side by side, and the classes of one
/// collection one test at a time, so classes share a portal when they only read the World or make their own
/// schools and users with <see cref="TestData"/>, and none counts or changes what another relies on.
/// A class keeps a portal of its own (<c>IClassFixture</c>) when it needs other settings (two-factor, the
/// login rate limit, no Chromium, a broken database, the demo data) or counts every school of the portal
/// (the reminders, which also move the clock).
/// </summary>
public static class Portals
{
    /// <summary>
    /// The World, and the school years of the development points tests (their year list must hold 2025-2026,
    /// closed, and 2026-2027 only): accounts, access, structure and users, operations.
    /// </summary>
    public const string Main = "Main portal";

    /// <summary>This year and last year (<see cref="ScanPortal"/>); each test fills in scans of schools of its own.</summary>
    public const string Scans = "Scans portal";

    /// <summary>The same years as <see cref="Scans"/>, on a second portal, for the documents (the slowest tests: PDFs).</summary>
    public const string Documents = "Documents portal";

    /// <summary>
    /// School years and frameworks (each test its own far-off years), the DUO import (which adds schools to the
    /// World's partnership) and the partnership's support offering in the SOP.
    /// </summary>
    public const string Administration = "Administration portal";

    /// <summary>
    /// Team Basisondersteuning (issue 11): this year and last year as on the scans portal; each test makes its own
    /// consultants, schools, regions and users, so "Mijn scholen", the dashboards' team sections and the mails it
    /// checks are its own.
    /// </summary>
    public const string Team = "Team portal";

    /// <summary>The known dashboard figures (<see cref="DashboardPortal"/>), which nothing may change.</summary>
    public const string Dashboards = "Dashboards portal";

    /// <summary>The same figures on a second portal, for the tests that add schools, rename them or move them.</summary>
    public const string ChangedDashboards = "Changed dashboards portal";

    /// <summary>The Development demo data (<see cref="Operations.DemoDataFactory"/>): what the demo seeds and the documents of a demo school. Read only.</summary>
    public const string Demo = "Demo portal";

    /// <summary>The shared portals, the collections with the most work first.</summary>
    public static readonly string[] LongestFirst = [Main, Documents, Scans, Team, Administration, ChangedDashboards, Dashboards, Demo];
}

/// <summary>
/// Starts the shared portals' collections first, the longest first, then the classes with a portal of their
/// own: xunit runs collections side by side, so a long collection started last would be the run's tail.
/// </summary>
public sealed class SharedPortalsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Portals.LongestFirst, c.DisplayName) is var i and >= 0 ? i : Portals.LongestFirst.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}

/// <summary>A portal with the World, last school year and this one (the small framework; the scan window of this year is open).</summary>
public class ScanPortal : PortalFactory
{
    protected override async Task SeedAsync()
    {
        await WorldAsync();
        await Data.CreateYearAsync(2025);
        await Data.CreateYearAsync(2026);
    }
}

[CollectionDefinition(Portals.Main)]
public sealed class MainPortalCollection : ICollectionFixture<PortalFactory>;

[CollectionDefinition(Portals.Scans)]
public sealed class ScansPortalCollection : ICollectionFixture<ScanPortal>;

[CollectionDefinition(Portals.Documents)]
public sealed class DocumentsPortalCollection : ICollectionFixture<ScanPortal>;

[CollectionDefinition(Portals.Team)]
public sealed class TeamPortalCollection : ICollectionFixture<ScanPortal>;

[CollectionDefinition(Portals.Administration)]
public sealed class AdministrationPortalCollection : ICollectionFixture<PortalFactory>;

[CollectionDefinition(Portals.Dashboards)]
public sealed class DashboardsPortalCollection : ICollectionFixture<DashboardPortal>;

[CollectionDefinition(Portals.ChangedDashboards)]
public sealed class ChangedDashboardsPortalCollection : ICollectionFixture<DashboardPortal>;

[CollectionDefinition(Portals.Demo)]
public sealed class DemoPortalCollection : ICollectionFixture<Operations.DemoDataFactory>;
