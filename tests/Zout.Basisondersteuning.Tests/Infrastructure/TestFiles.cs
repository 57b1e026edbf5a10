namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>Files the tests read: the made-up samples in this project's TestData folder, and files of the repository.</summary>
public static class TestFiles
{
    /// <summary>A sample file of TestData (copied next to the test binaries), such as DUO's CSV files.</summary>
    public static string Sample(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        Assert.True(File.Exists(path), $"Missing sample file {path}");
        return path;
    }

    /// <summary>The folder holding Zout.Basisondersteuning.sln, found from the test binaries upwards.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A file of the repository (README, docs, examples).</summary>
    public static string Repository(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relativePath} not found in {RepositoryRoot}");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zout.Basisondersteuning.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Zout.Basisondersteuning.sln not found above " + AppContext.BaseDirectory);
    }
}
