using System.Net.Http.Headers;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Features.Administration;

public static class AdminTestKit
{
    /// <summary>The shared data folder beside the repository (../shared/data), found from the test's output folder.</summary>
    public static string SharedData(string fileName)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Zout.Basisondersteuning.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", fileName));
        Assert.True(File.Exists(path), $"Missing sample file {path}");
        return path;
    }

    /// <summary>Uploads a file the way the import page's form does; returns the response (a redirect to the preview when accepted).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string kind, byte[] content, string fileName = "duo.csv")
    {
        var token = await client.AntiforgeryTokenAsync("/beheer/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "bestand", fileName);
        return await client.PostAsync($"/beheer/import/{kind}", form);
    }
}
