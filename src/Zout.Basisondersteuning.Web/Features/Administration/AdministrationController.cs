using Microsoft.AspNetCore.Mvc;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Administration;

/// <summary>The admin's start page: links to every part of the administration.</summary>
[Route("beheer")]
[RequireRole(UserRole.PartnershipAdmin)]
public sealed class AdministrationController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
