//! Printing through the desktop portal (`org.freedesktop.portal.Print`): the system's own
//! print dialog (printer, copies, pages; GNOME, KDE and deepin's DDE all serve it through
//! xdg-desktop-portal), then the PDF file handed to the printer chosen there. Where there is
//! no session bus or no print portal, the caller falls back to CUPS's `lp` (see `print.rs`).
//!
//! The portal's two steps, each answered by a `Response` signal on a request object:
//! `PreparePrint` shows the dialog and answers with a token for the settings chosen;
//! `Print` takes the file (as a file descriptor) and that token.

#[cfg(unix)]
use std::collections::HashMap;
use std::path::Path;

/// Where to look for the desktop portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalBus {
    /// The session bus of the desktop (`DBUS_SESSION_BUS_ADDRESS`).
    Session,
    /// A bus at this address (tests run a private bus with a stand-in portal).
    Address(String),
    /// Not at all: straight to `lp`.
    Off,
}

/// What became of a print through the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalOutcome {
    /// The clerk chose a printer and the file was handed to it.
    Printed,
    /// The clerk closed the print dialog without printing.
    Cancelled,
}

/// Why the portal did not print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortalError {
    /// There is no portal that prints here (no session bus, no portal service, or one
    /// without the print interface): the caller tries `lp`.
    Unavailable(String),
    /// The portal is there but the print failed (what it said).
    Failed(String),
}

/// Prints the PDF at `pdf` through the desktop portal: its dialog, then the file to the
/// printer chosen. Blocks until the clerk has answered the dialog; run it off the UI thread.
pub fn print_pdf(bus: &PortalBus, title: &str, pdf: &Path) -> Result<PortalOutcome, PortalError> {
    imp::print_pdf(bus, title, pdf)
}

#[cfg(unix)]
mod imp {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use zbus::blocking::{Connection, Proxy, connection, proxy};
    use zbus::zvariant::{Fd, OwnedObjectPath, OwnedValue, Value};

    const DESTINATION: &str = "org.freedesktop.portal.Desktop";
    const PATH: &str = "/org/freedesktop/portal/desktop";
    const PRINT: &str = "org.freedesktop.portal.Print";
    const REQUEST: &str = "org.freedesktop.portal.Request";

    /// The portal's answer to one request: 0 done, 1 cancelled by the user, 2 otherwise ended.
    type Response = (u32, HashMap<String, OwnedValue>);

    pub fn print_pdf(
        bus: &PortalBus,
        title: &str,
        pdf: &Path,
    ) -> Result<PortalOutcome, PortalError> {
        let conn = match bus {
            PortalBus::Off => return Err(PortalError::Unavailable("off".into())),
            PortalBus::Session => Connection::session(),
            PortalBus::Address(address) => {
                connection::Builder::address(address.as_str()).and_then(|b| b.build())
            }
        }
        .map_err(|e| PortalError::Unavailable(e.to_string()))?;
        let portal = Proxy::new(&conn, DESTINATION, PATH, PRINT)
            .map_err(|e| PortalError::Unavailable(e.to_string()))?;
        let no_settings: HashMap<&str, Value> = HashMap::new();
        let (response, results) = request(&conn, |token| {
            portal.call::<_, _, OwnedObjectPath>(
                "PreparePrint",
                &("", title, &no_settings, &no_settings, options(token, None)),
            )
        })
        .map_err(|e| {
            if unavailable(&e) {
                PortalError::Unavailable(e.to_string())
            } else {
                PortalError::Failed(e.to_string())
            }
        })?;
        match response {
            0 => {}
            1 => return Ok(PortalOutcome::Cancelled),
            other => return Err(PortalError::Failed(format!("PreparePrint 返回 {other}"))),
        }
        let token = results
            .get("token")
            .and_then(|v| u32::try_from(v.clone()).ok())
            .ok_or_else(|| PortalError::Failed("PreparePrint 没有给出 token".into()))?;
        let file = std::fs::File::open(pdf).map_err(|e| PortalError::Failed(e.to_string()))?;
        let (response, _) = request(&conn, |handle_token| {
            portal.call::<_, _, OwnedObjectPath>(
                "Print",
                &(
                    "",
                    title,
                    Fd::from(&file),
                    options(handle_token, Some(token)),
                ),
            )
        })
        .map_err(|e| PortalError::Failed(e.to_string()))?;
        match response {
            0 => Ok(PortalOutcome::Printed),
            1 => Ok(PortalOutcome::Cancelled),
            other => Err(PortalError::Failed(format!("Print 返回 {other}"))),
        }
    }

    /// The options of a request: its handle token, modal, and the settings' token for Print.
    fn options(handle_token: &str, token: Option<u32>) -> HashMap<&'static str, Value<'_>> {
        let mut options = HashMap::from([
            ("handle_token", Value::from(handle_token)),
            ("modal", Value::from(true)),
        ]);
        if let Some(token) = token {
            options.insert("token", Value::from(token));
        }
        options
    }

    /// Makes one portal request and waits for its answer: listens on the request object the
    /// portal will use (named from our bus name and a token of ours) before calling, so the
    /// answer cannot come before we listen.
    fn request(
        conn: &Connection,
        call: impl FnOnce(&str) -> zbus::Result<OwnedObjectPath>,
    ) -> zbus::Result<Response> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let token = format!(
            "nianbao{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let sender = conn
            .unique_name()
            .map(|n| n.trim_start_matches(':').replace('.', "_"))
            .unwrap_or_default();
        let expected = format!("{PATH}/request/{sender}/{token}");
        let listen = |path: &str| -> zbus::Result<_> {
            let request = proxy::Builder::<Proxy>::new(conn)
                .destination(DESTINATION)?
                .path(path.to_string())?
                .interface(REQUEST)?
                .cache_properties(zbus::proxy::CacheProperties::No)
                .build()?;
            request.receive_signal("Response")
        };
        let mut answers = listen(&expected)?;
        let handle = call(&token)?;
        // Older portals name the request object otherwise: listen there instead.
        if handle.as_str() != expected {
            answers = listen(handle.as_str())?;
        }
        let answer = answers
            .next()
            .ok_or_else(|| zbus::Error::Failure("门户没有回答".into()))?;
        answer.body().deserialize::<Response>()
    }

    /// The errors that mean "no print portal here" rather than "printing failed".
    fn unavailable(e: &zbus::Error) -> bool {
        const NAMES: [&str; 5] = [
            "org.freedesktop.DBus.Error.ServiceUnknown",
            "org.freedesktop.DBus.Error.UnknownMethod",
            "org.freedesktop.DBus.Error.UnknownInterface",
            "org.freedesktop.DBus.Error.UnknownObject",
            "org.freedesktop.DBus.Error.NameHasNoOwner",
        ];
        match e {
            zbus::Error::MethodError(name, _, _) => NAMES.contains(&name.as_str()),
            zbus::Error::FDO(e) => matches!(
                **e,
                zbus::fdo::Error::ServiceUnknown(_)
                    | zbus::fdo::Error::UnknownMethod(_)
                    | zbus::fdo::Error::UnknownInterface(_)
                    | zbus::fdo::Error::UnknownObject(_)
                    | zbus::fdo::Error::NameHasNoOwner(_)
            ),
            zbus::Error::InputOutput(_) | zbus::Error::Address(_) => true,
            _ => false,
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use super::*;

    pub fn print_pdf(_: &PortalBus, _: &str, _: &Path) -> Result<PortalOutcome, PortalError> {
        Err(PortalError::Unavailable(
            "no desktop portal on this system".into(),
        ))
    }
}
