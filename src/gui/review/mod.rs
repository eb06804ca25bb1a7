//! The reviewer's work on the open report (说明, 批注, 审核/签发, comparisons, 退回意见):
//! its state and commands.

pub mod commands;
pub mod state;
