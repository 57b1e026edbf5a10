using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using static Zout.Basisondersteuning.Tests.Features.Scans.ScanTestKit;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

public sealed record PdfFacts(IReadOnlyList<string> Pages, bool IsTagged, bool HasStructTree, IReadOnlyList<string> Bookmarks, double FirstPageWidth, double FirstPageHeight)
{
    public string Text => string.Join("\n", Pages);
}

/// <summary>Adopted schools through the real workflow, and what a PDF holds (PdfPig).</summary>
public static class DocumentTestKit
{
    public static async Task SubmitAsync(PortalFactory factory, HttpClient ib, TestSchool school)
    {
        var version = await factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Version).SingleAsync());
        var response = await ib.PostFormAsync(school.Scan(), school.Scan() + "/indienen", new Dictionary<string, string> { ["version"] = version.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<HttpResponseMessage> AdoptAsync(PortalFactory factory, HttpClient director, TestSchool school)
    {
        var version = await factory.WithDbAsync(db => db.Scans.Where(s => s.SchoolId == school.Id).Select(s => s.Version).SingleAsync());
        return await director.PostFormAsync(school.Scan() + "/vaststellen", school.Scan() + "/vaststellen", new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(),
            ["Input.AdoptionDate"] = "2026-11-22",
            ["Input.MrAdviceDate"] = "2026-11-15",
            ["Input.MrAdviceOutcome"] = "Positive",
        });
    }

    /// <summary>A new school of board A with a complete, submitted and adopted scan of this year.</summary>
    public static async Task<TestSchool> AdoptedSchoolAsync(PortalFactory factory)
    {
        var school = await CompleteSchoolAsync(factory);
        var ib = await factory.LoggedInClientAsync(school.Ib);
        await SubmitAsync(factory, ib, school);
        var director = await factory.LoggedInClientAsync(school.Director);
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(factory, director, school)).StatusCode);
        return school;
    }

    /// <summary>A new school of board A whose scan is complete but still a concept.</summary>
    public static async Task<TestSchool> CompleteSchoolAsync(PortalFactory factory)
    {
        var school = await NewSchoolAsync(factory);
        var ib = await factory.LoggedInClientAsync(school.Ib);
        await CompleteAllSectionsAsync(ib, school);
        return school;
    }

    public static async Task<byte[]> GetPdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static PdfFacts Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var first = document.GetPage(1);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var marked = false;
        if (catalog.TryGet(NameToken.Create("MarkInfo"), out var markInfoToken))
        {
            var markInfo = markInfoToken switch
            {
                DictionaryToken d => d,
                IndirectReferenceToken r => document.Structure.GetObject(r.Data).Data as DictionaryToken,
                _ => null,
            };
            marked = markInfo is not null && markInfo.TryGet(NameToken.Create("Marked"), out var m) && m is BooleanToken { Data: true };
        }

        var bookmarks = document.TryGetBookmarks(out var tree)
            ? tree.GetNodes().Select(n => n.Title).ToList()
            : [];
        return new PdfFacts(pages, marked, catalog.ContainsKey(NameToken.Create("StructTreeRoot")), bookmarks, first.Width, first.Height);
    }
}
