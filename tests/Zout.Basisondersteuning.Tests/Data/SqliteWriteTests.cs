using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;

namespace Zout.Basisondersteuning.Tests.Data;

/// <summary>Concurrent saves of different schools on SQLite's single write lock all land (ADR 064).</summary>
[Collection(Portals.Scans)]
public sealed class SqliteWriteTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    [Fact]
    public async Task ConcurrentSaves_OfDifferentSchools_AllLand()
    {
        var schools = new List<TestSchool>();
        for (var i = 0; i < 6; i++) schools.Add(await Data.CreateSchoolAsync(s => s.InBoard(World.BoardA).WithStaff()));
        var clients = new List<HttpClient>();
        foreach (var school in schools) clients.Add(await Factory.LoggedInClientAsync(school.Ib));

        await Task.WhenAll(schools.Select((school, i) => ScanForms.SaveOkAsync(clients[i], school.Section("domein-taal-lezen"), new Dictionary<string, ItemValues>
        {
            ["d:taal-lezen:expertise"] = new(Level: 3, Text: $"Opgeslagen door school {i}."),
        })));

        for (var i = 0; i < schools.Count; i++)
        {
            var page = await clients[i].GetStringAsync(schools[i].Section("domein-taal-lezen"));
            Assert.Contains($"Opgeslagen door school {i}.", page);
        }
    }
}
