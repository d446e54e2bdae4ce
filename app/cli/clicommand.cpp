#include "clicommand.h"

#include <algorithm>

namespace kindred {

namespace {
std::vector<CliCommand>& registry()
{
    static std::vector<CliCommand> commands;
    return commands;
}
} // namespace

bool registerCliCommand(CliCommand command)
{
    auto& commands = registry();
    commands.push_back(std::move(command));
    std::sort(commands.begin(), commands.end(),
              [](const CliCommand& a, const CliCommand& b) { return a.name < b.name; });
    return true;
}

const std::vector<CliCommand>& cliCommands()
{
    return registry();
}

} // namespace kindred
