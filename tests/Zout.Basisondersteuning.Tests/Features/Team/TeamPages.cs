using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Tests.Features.Team;

/// <summary>What the Team Basisondersteuning tests share: the mails someone got, a consultant with a school of their own, forms posted as a browser does.</summary>
internal static class TeamPages
{
    public const string Year = TestData.ThisYear;

    /// <summary>The mails written to <paramref name="email"/>, oldest first.</summary>
    public static List<MimeMessage> MailsTo(this PortalFactory factory, string email) =>
        Directory.Exists(factory.MailDirectory)
            ? Directory.GetFiles(factory.MailDirectory, "*.eml").Order().Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(x => x.Address.Equals(email, StringComparison.OrdinalIgnoreCase))).ToList()
            : [];

    /// <summary>A consultant (all regions) who is the contact person of a new school with an IB-er and a directeur, in a region and board of its own.</summary>
    public static async Task<(TestUser Consultant, TestSchool School, Region Region, Board Board)> ConsultantWithSchoolAsync(this TestData data)
    {
        var region = await data.CreateRegionAsync();
        var board = await data.CreateBoardAsync();
        var consultant = await data.CreateUserAsync(u => u.Consultant());
        var school = await data.CreateSchoolAsync(s => s.InRegion(region).InBoard(board).ContactPerson(consultant).WithStaff());
        return (consultant, school, region, board);
    }

    /// <summary>Records a conversation through the form, as a consultant does; returns the response (a redirect to the report when it saved).</summary>
    public static async Task<HttpResponseMessage> RecordConversationAsync(this HttpClient client, TestSchool school, IDictionary<string, string> fields)
    {
        var form = await client.GetHtmlAsync($"/school/{school.Code}/gesprekken/nieuw");
        return await client.SubmitAsync(form, "form[data-testid='conversation-form']", fields);
    }

    /// <summary>The id in a redirect such as /school/T00001/gesprekken/12.</summary>
    public static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Location()!.Split('?', '#')[0];
        return int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Submits a form as a browser does, with every checked box of a list (the same name more than once), which
    /// HttpExtensions.SubmitAsync keeps only once.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitWithListsAsync(this HttpClient client, IHtmlDocument page, string selector, IDictionary<string, string> changes)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (changes.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" or "checkbox" } box:
                    if (box.IsChecked) fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, (select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : (select.Options.Length > 0 ? select.Options[0] : null))?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
            }
        }

        fields.AddRange(changes);
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public static Task<string> UserIdAsync(this PortalFactory factory, string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static string? Text(this IHtmlDocument page, string testId) => page.QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim();

    /// <summary>The rows of a report table: each row's cells as text.</summary>
    public static List<string[]> Rows(this IHtmlDocument page, string tableId) =>
        page.QuerySelectorAll($"[data-testid='table-{tableId}'] tbody tr[data-testid='row-{tableId}']")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
}
