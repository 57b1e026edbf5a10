namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

public static class TestPaths
{
    /// <summary>The folder holding Zout.Basisondersteuning.sln, found from the test binaries upwards.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release: the configuration the tests were built with (bin/&lt;configuration&gt;/net10.0).</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    /// <summary>Screenshots and HTML of failed tests: BROWSER_TESTS_ARTIFACTS, else artifacts/test-results/browser.</summary>
    public static string Artifacts { get; } =
        Environment.GetEnvironmentVariable("BROWSER_TESTS_ARTIFACTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot, "artifacts", "test-results", "browser");

    public static string Chromium { get; } =
        Environment.GetEnvironmentVariable("BROWSER_TESTS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zout.Basisondersteuning.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Zout.Basisondersteuning.sln not found above " + AppContext.BaseDirectory);
    }
}
