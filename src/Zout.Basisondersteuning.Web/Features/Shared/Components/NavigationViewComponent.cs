using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Shared.Components;

public sealed record NavigationLink(string Text, string Href);

public sealed record NavigationModel(string PartnershipName, UserScope? User, string? SchoolCode, IReadOnlyList<NavigationLink> Links);

/// <summary>The header: the partnership's name and the navigation that fits the user's role.</summary>
public sealed class NavigationViewComponent(AppDbContext db, CurrentUser currentUser, PartnershipName partnership, ChangeStamps stamps) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Both from memory while nothing changed (one small query for the change stamps per request).
        var partnershipName = await partnership.GetAsync(db, stamps) ?? "Samenwerkingsverband";
        var account = await currentUser.AccountAsync();
        var user = await currentUser.GetAsync();
        string? schoolCode = null;
        var links = new List<NavigationLink>();
        switch (user?.Role)
        {
            case null:
                links.Add(new("Scholen", "/scholen"));
                links.Add(new("Extra ondersteuning", "/ondersteuning"));
                break;
            case UserRole.SchoolUser:
                schoolCode = account?.SchoolCode;
                if (schoolCode is not null) links.Add(new("Mijn school", $"/school/{schoolCode}"));
                links.Add(new("Alle scholen", "/scholen"));
                break;
            case UserRole.BoardUser:
                links.Add(new("Onze scholen", "/overzicht/scholen"));
                links.Add(new("Documenten", "/documenten/bulk"));
                links.Add(new("Alle scholen", "/scholen"));
                break;
            default:
                // Team Basisondersteuning's workspace (issue 11).
                links.Add(new("Mijn scholen", "/consulent"));
                links.Add(new("Scholen", "/overzicht/scholen"));
                links.Add(new("Documenten", "/documenten/bulk"));
                links.Add(new("Openbare pagina's", "/scholen"));
                links.Add(new("Signalen", "/signalen"));
                links.Add(new("Scholing", "/scholing"));
                if (user.IsAdmin) links.Add(new("Schooljaren en kader", "/beheer/schooljaren"));
                if (user.IsAdmin) links.Add(new("Beheer", "/beheer"));
                break;
        }

        // Dashboards and the expertise finder (Features/Dashboards).
        if (user is not null)
        {
            var dashboard = user.Role switch
            {
                UserRole.SchoolUser => schoolCode is null ? null : $"/school/{schoolCode}/dashboard",
                UserRole.BoardUser => user.BoardId is { } boardId ? $"/bestuur/{boardId}/dashboard" : null,
                _ => "/swv/dashboard",
            };
            if (dashboard is not null) links.Add(new("Dashboard", dashboard));
            links.Add(new("Expertisevinder", "/vinder"));
        }

        return View("~/Features/Shared/Components/Navigation.cshtml", new NavigationModel(partnershipName, user, schoolCode, links));
    }
}
