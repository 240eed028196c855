#pragma once
// Everything lc_store offers, for callers that want one include.

#include <lc/store/checkin_repository.hpp>
#include <lc/store/circle_repository.hpp>
#include <lc/store/database.hpp>
#include <lc/store/fleet_repository.hpp>
#include <lc/store/outbox_repository.hpp>
#include <lc/store/privacy_repository.hpp>
#include <lc/store/roster_repository.hpp>
#include <lc/store/settings_repository.hpp>
#include <lc/store/signup_repository.hpp>
#include <lc/store/sync_state_repository.hpp>
#include <lc/store/transaction.hpp>
