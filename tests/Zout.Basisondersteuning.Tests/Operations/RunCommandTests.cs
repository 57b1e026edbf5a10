using System.Diagnostics;

namespace Zout.Basisondersteuning.Tests.Operations;

/// <summary>The README's run command installs what the PDFs need on a fresh machine (issue 14, point 1).</summary>
public sealed class RunCommandTests
{
    private static string Needs(params string[] flags)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, WorkingDirectory = TestFilesRoot };
        info.ArgumentList.Add("scripts/setup.sh");
        foreach (var flag in flags) info.ArgumentList.Add(flag);
        info.ArgumentList.Add("--needs");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private static string TestFilesRoot => Infrastructure.TestFiles.RepositoryRoot;

    [Fact]
    public void RunCommand_InstallsChromiumAndFonts_NotOnlyForTheTests()
    {
        var run = File.ReadAllText(Infrastructure.TestFiles.Repository("scripts/run.sh"));
        Assert.Contains("bash scripts/setup.sh\n", run);
        var packages = Needs().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The PDFs need Chromium's headless shell (ADR 072); the whole browser only the browser tests.
        Assert.Contains("chromium-headless-shell", packages);
        Assert.DoesNotContain("chromium", packages);
        Assert.Contains("fonts-dejavu-core", packages);
        Assert.Contains("fonts-liberation", packages);
        Assert.DoesNotContain("poppler-utils", packages);
        var testPackages = Needs("--test").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("poppler-utils", testPackages);
        Assert.Contains("chromium", testPackages);
    }
}
