//! A private D-Bus session bus (dbus-daemon with a config of its own: nothing activated)
//! and a stand-in for the desktop portal's print interface on it, which records what it is
//! given and answers as a clerk would in the print dialog.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use zbus::zvariant::{OwnedFd, OwnedObjectPath, OwnedValue, Value};

/// A dbus-daemon of the test's own, ended when dropped.
pub struct PrivateBus {
    daemon: Child,
    /// Its address, for `PortalBus::Address` or `DBUS_SESSION_BUS_ADDRESS`.
    pub address: String,
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// Starts a private bus in `dir`, or None when dbus-daemon is not installed.
pub fn private_bus(dir: &Path) -> Option<PrivateBus> {
    if Command::new("dbus-daemon")
        .arg("--version")
        .output()
        .is_err()
    {
        return None;
    }
    let config = dir.join("bus.conf");
    std::fs::write(
        &config,
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={}</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
            dir.join("bus").display()
        ),
    )
    .expect("bus config");
    let mut daemon = Command::new("dbus-daemon")
        .arg(format!("--config-file={}", config.display()))
        .args(["--nofork", "--nopidfile", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon");
    let mut address = String::new();
    BufReader::new(daemon.stdout.take().expect("stdout"))
        .read_line(&mut address)
        .expect("the bus's address");
    Some(PrivateBus {
        daemon,
        address: address.trim().to_string(),
    })
}

/// One file given to Print: the title, the file's bytes and the settings' token.
pub type PrintedFile = (String, Vec<u8>, u32);

/// What the stand-in portal was asked: the titles of the dialogs shown, the files printed.
#[derive(Clone, Default)]
pub struct Printed {
    pub prepared: Arc<Mutex<Vec<String>>>,
    pub files: Arc<Mutex<Vec<PrintedFile>>>,
}

/// The clerk's answer in the stand-in's print dialog.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DialogAnswer {
    Print,
    Cancel,
}

struct FakePrintPortal {
    answer: DialogAnswer,
    printed: Printed,
}

/// The request object the portal answers on, as the portal names it.
fn request_path(
    header: &zbus::message::Header<'_>,
    options: &HashMap<String, OwnedValue>,
) -> String {
    let sender = header
        .sender()
        .map(|s| s.trim_start_matches(':').replace('.', "_"))
        .unwrap_or_default();
    let token = options
        .get("handle_token")
        .and_then(|v| String::try_from(v.clone()).ok())
        .unwrap_or_else(|| "t".into());
    format!("/org/freedesktop/portal/desktop/request/{sender}/{token}")
}

async fn respond(
    conn: &zbus::Connection,
    path: &str,
    response: u32,
    results: HashMap<&str, Value<'_>>,
) -> zbus::fdo::Result<OwnedObjectPath> {
    conn.emit_signal(
        None::<()>,
        path,
        "org.freedesktop.portal.Request",
        "Response",
        &(response, results),
    )
    .await
    .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))?;
    OwnedObjectPath::try_from(path.to_string()).map_err(|e| zbus::fdo::Error::Failed(e.to_string()))
}

#[zbus::interface(name = "org.freedesktop.portal.Print")]
impl FakePrintPortal {
    #[allow(clippy::too_many_arguments)]
    async fn prepare_print(
        &mut self,
        #[zbus(connection)] conn: &zbus::Connection,
        #[zbus(header)] header: zbus::message::Header<'_>,
        _parent_window: &str,
        title: &str,
        _settings: HashMap<String, OwnedValue>,
        _page_setup: HashMap<String, OwnedValue>,
        options: HashMap<String, OwnedValue>,
    ) -> zbus::fdo::Result<OwnedObjectPath> {
        self.printed
            .prepared
            .lock()
            .unwrap()
            .push(title.to_string());
        let path = request_path(&header, &options);
        match self.answer {
            DialogAnswer::Print => {
                respond(
                    conn,
                    &path,
                    0,
                    HashMap::from([("token", Value::from(7u32))]),
                )
                .await
            }
            DialogAnswer::Cancel => respond(conn, &path, 1, HashMap::new()).await,
        }
    }

    async fn print(
        &mut self,
        #[zbus(connection)] conn: &zbus::Connection,
        #[zbus(header)] header: zbus::message::Header<'_>,
        _parent_window: &str,
        title: &str,
        fd: OwnedFd,
        options: HashMap<String, OwnedValue>,
    ) -> zbus::fdo::Result<OwnedObjectPath> {
        let mut bytes = Vec::new();
        let mut file = std::fs::File::from(std::os::fd::OwnedFd::from(fd));
        file.read_to_end(&mut bytes)
            .map_err(|e| zbus::fdo::Error::Failed(e.to_string()))?;
        let token = options
            .get("token")
            .and_then(|v| u32::try_from(v.clone()).ok())
            .unwrap_or(0);
        self.printed
            .files
            .lock()
            .unwrap()
            .push((title.to_string(), bytes, token));
        let path = request_path(&header, &options);
        respond(conn, &path, 0, HashMap::new()).await
    }

    #[zbus(property)]
    fn version(&self) -> u32 {
        2
    }
}

/// Serves the stand-in print portal on `bus` until the connection returned is dropped.
pub fn serve_print_portal(
    bus: &PrivateBus,
    answer: DialogAnswer,
) -> (zbus::blocking::Connection, Printed) {
    let printed = Printed::default();
    let conn = zbus::blocking::connection::Builder::address(bus.address.as_str())
        .expect("address")
        .name("org.freedesktop.portal.Desktop")
        .expect("name")
        .serve_at(
            "/org/freedesktop/portal/desktop",
            FakePrintPortal {
                answer,
                printed: printed.clone(),
            },
        )
        .expect("serve")
        .build()
        .expect("the stand-in portal on the private bus");
    (conn, printed)
}
