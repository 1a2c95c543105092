// Placeholder: implemented by the encryption work of issue 8 (see project_crypto.h).
#include "project_crypto.h"

namespace marketlens::core {
namespace {
Error notYet(const std::string& path)
{
    return makeError(ErrorCode::InvalidArgument, "encrypted projects are not supported yet", path);
}
PasswordProvider& provider()
{
    static PasswordProvider p;
    return p;
}
} // namespace

Secret::Secret(std::string_view text) : m_data(new char[text.size() + 1]), m_size(text.size())
{
    text.copy(m_data, text.size());
}
Secret::~Secret() { delete[] m_data; }
Secret::Secret(Secret&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}
Secret& Secret::operator=(Secret&& other) noexcept
{
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    return *this;
}
std::string_view Secret::view() const { return {m_data, m_size}; }
KdfParams KdfParams::standard() { return {}; }
KdfParams KdfParams::forTests() { return {2, 64ull << 20}; }
bool isEncryptedProject(const std::string&) { return false; }
Status unlockProject(const std::string& path, const Secret&) { return notYet(path); }
bool isProjectUnlocked(const std::string&) { return false; }
void lockProject(const std::string&) {}
Status encryptProject(const std::string& path, const Secret&, const KdfParams&) { return notYet(path); }
Status changeProjectPassword(const std::string& path, const Secret&, const Secret&, const KdfParams&)
{
    return notYet(path);
}
Status removeProjectPassword(const std::string& path, const Secret&) { return notYet(path); }
Status saveEncryptedCopy(const std::string& path, const std::string&) { return notYet(path); }
void setPasswordProvider(PasswordProvider p) { provider() = std::move(p); }
std::optional<Secret> providePassword(const std::string& path)
{
    if (!provider())
        return std::nullopt;
    return provider()(path);
}
std::string unlockedDatabaseUri(const std::string&) { return {}; }

} // namespace marketlens::core
