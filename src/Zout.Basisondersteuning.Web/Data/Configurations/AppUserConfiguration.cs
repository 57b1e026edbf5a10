using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zout.Basisondersteuning.Web.Domain.Accounts;

namespace Zout.Basisondersteuning.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public const string UserRegionsTable = "UserRegions";

    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
        builder.Property(u => u.Role).HasConversion<int>();
        builder.HasOne(u => u.Board).WithMany().HasForeignKey(u => u.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.School).WithMany().HasForeignKey(u => u.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(u => u.Regions).WithMany().UsingEntity(UserRegionsTable);
    }
}
